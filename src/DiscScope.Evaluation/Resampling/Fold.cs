namespace DiscScope.Evaluation;

/// <summary>One fold of a patient-level K-fold split: sample indices into the caller's sample list, ascending.</summary>
/// <param name="Index">Fold number, 0..K−1.</param>
/// <param name="TrainIndices">Samples of the patients outside this fold.</param>
/// <param name="TestIndices">Samples of the patients in this fold (held out).</param>
/// <param name="TestPatients">The held-out patient IDs, ordinal order.</param>
public sealed record Fold(int Index, IReadOnlyList<int> TrainIndices, IReadOnlyList<int> TestIndices, IReadOnlyList<string> TestPatients);
