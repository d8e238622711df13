namespace DiscScope.Training.Trainers;

/// <summary>One finished epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's steps.</param>
/// <param name="Metric">Validation metric (higher is better); minus the training loss when there is no validation set.</param>
/// <param name="Improved">Whether this epoch became the best so far (and was saved as best.pt).</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double Metric, bool Improved, double Seconds);
