namespace DiscScope.Evaluation;

/// <summary>
/// Binary finding metrics with patient-level bootstrap CIs (JSON-friendly); null metrics are explained in <see cref="Notes"/>.
/// </summary>
/// <param name="Samples">Scored structures evaluated.</param>
/// <param name="Patients">Distinct patients.</param>
/// <param name="Positives">Reference positives.</param>
/// <param name="Threshold">Operating threshold (called positive when score ≥ threshold).</param>
/// <param name="Auc">ROC AUC.</param>
/// <param name="Sensitivity">Sensitivity at <paramref name="Threshold"/>.</param>
/// <param name="Specificity">Specificity at <paramref name="Threshold"/>.</param>
/// <param name="YoudenThreshold">The score threshold maximising Youden's J on all samples (no CI), or null when undefined.</param>
/// <param name="Brier">Brier score, [0, 1].</param>
/// <param name="Ece">Top-label expected calibration error with <paramref name="EceBins"/> equal-width bins.</param>
/// <param name="EceBins">Bin count of the ECE.</param>
/// <param name="Notes">Why any metric is null.</param>
public sealed record BinarySummary(
    int Samples, int Patients, int Positives, double Threshold, MetricWithCi? Auc, MetricWithCi? Sensitivity, MetricWithCi? Specificity,
    double? YoudenThreshold, MetricWithCi? Brier, MetricWithCi? Ece, int EceBins, IReadOnlyList<string> Notes);
