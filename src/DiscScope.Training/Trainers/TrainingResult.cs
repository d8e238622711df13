namespace DiscScope.Training.Trainers;

/// <summary>Outcome of <see cref="Trainer{TSample}.Fit"/>. The network holds the weights of the last epoch; load
/// <see cref="BestCheckpoint"/> (module.load) for the best ones.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochReport> History, int BestEpoch, double BestMetric, bool StoppedEarly, string? BestCheckpoint);
