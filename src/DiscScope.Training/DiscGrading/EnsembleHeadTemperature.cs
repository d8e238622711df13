namespace DiscScope.Training.DiscGrading;

/// <summary>One grading head's ensemble temperature and what it does to the out-of-fold predictions.</summary>
/// <param name="Head">Head name (<see cref="Analysis.DiscGrading.GradingTask.HeadName"/>).</param>
/// <param name="Temperature">T fitted on all the out-of-fold rows: the one shipped.</param>
/// <param name="FoldTemperatures">Per fold, T fitted on the other folds' rows: the ones the figures below use.</param>
/// <param name="NllBefore">Mean negative log-likelihood of the uncalibrated mean, nats (probabilities floored at 1e-12).</param>
/// <param name="NllAfter">The same with the cross-fitted temperatures.</param>
/// <param name="EceBefore">Top-label expected calibration error (10 bins) of the uncalibrated mean.</param>
/// <param name="EceAfter">The same with the cross-fitted temperatures.</param>
public sealed record EnsembleHeadTemperature(string Head, double Temperature, IReadOnlyDictionary<int, double> FoldTemperatures,
    double NllBefore, double NllAfter, double EceBefore, double EceAfter);
