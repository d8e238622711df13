using DiscScope.Domain.Measurements;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// One disc for fitting the measurement fusion: the network's out-of-fold probabilities per head (<see cref="Analysis.DiscGrading.GradingTask.All"/>
/// order) with the fold that produced them, the reference class per head, and the disc's mid-sagittal measurements (null when not measured).
/// </summary>
public sealed record FusionRow(string Patient, int IvdLabel, int Fold, bool HasT1, int[] Truth, double[][] Probabilities, DiscMeasurement? Measurement)
{
    public double[] Features => Analysis.DiscGrading.FusionFeatures.Of(Probabilities, HasT1, IvdLabel, Measurement);
}
