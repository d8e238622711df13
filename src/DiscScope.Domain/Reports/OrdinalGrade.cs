namespace DiscScope.Domain.Reports;

/// <summary>
/// An ordinal or categorical grade with its class probabilities (index 0 = the lowest class, e.g. Pfirrmann 1 or Modic 0).
/// <see cref="Uncertain"/> means "review": the top probability or the segmentation quality was below threshold.
/// </summary>
public sealed record OrdinalGrade(int Value, IReadOnlyList<double> Probabilities, bool Uncertain);
