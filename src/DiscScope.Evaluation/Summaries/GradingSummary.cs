namespace DiscScope.Evaluation;

/// <summary>
/// Multiclass grading metrics with patient-level bootstrap 95 % CIs (JSON-friendly). A metric is null when it is undefined on
/// the full set or on too many resamples; <see cref="Notes"/> then says why.
/// </summary>
/// <param name="Samples">Graded structures evaluated.</param>
/// <param name="Patients">Distinct patients.</param>
/// <param name="Classes">Number of classes C.</param>
/// <param name="Confusion">Confusion matrix rows (truth) × columns (prediction).</param>
/// <param name="Accuracy">Fraction correct.</param>
/// <param name="BalancedAccuracy">Mean per-class recall.</param>
/// <param name="Kappa">Unweighted Cohen's kappa.</param>
/// <param name="LinearKappa">Linearly weighted kappa.</param>
/// <param name="QuadraticKappa">Quadratically weighted kappa.</param>
/// <param name="WithinOne">Fraction within one grade.</param>
/// <param name="MacroAuc">Macro one-vs-rest ROC AUC.</param>
/// <param name="Brier">Multiclass Brier score, [0, 2].</param>
/// <param name="Ece">Top-label expected calibration error with <paramref name="EceBins"/> equal-width bins.</param>
/// <param name="EceBins">Bin count of the ECE.</param>
/// <param name="Notes">Why any metric is null.</param>
public sealed record GradingSummary(
    int Samples, int Patients, int Classes, long[][] Confusion,
    MetricWithCi? Accuracy, MetricWithCi? BalancedAccuracy, MetricWithCi? Kappa, MetricWithCi? LinearKappa, MetricWithCi? QuadraticKappa,
    MetricWithCi? WithinOne, MetricWithCi? MacroAuc, MetricWithCi? Brier, MetricWithCi? Ece, int EceBins, IReadOnlyList<string> Notes);
