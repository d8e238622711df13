namespace DiscScope.Training.Trainers;

/// <summary>Reported after every optimisation step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epoch limit.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Steps">Steps in the epoch.</param>
/// <param name="Loss">Mean training loss of the epoch so far.</param>
/// <param name="BestMetric">Best validation metric so far (null before the first validation).</param>
/// <param name="MetricName">Name of the metric.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double? BestMetric, string MetricName);
