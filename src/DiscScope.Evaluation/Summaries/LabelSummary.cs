namespace DiscScope.Evaluation;

/// <summary>
/// Segmentation metrics of one label over many cases, with patient-level bootstrap CIs (JSON-friendly).
/// Dice is averaged over cases where it is defined (a missed or spurious structure counts as 0; cases where both masks are
/// empty are left out); surface distances over cases where both masks hold the label.
/// </summary>
/// <param name="Label">Label value, or null for a merged class.</param>
/// <param name="Cases">Cases evaluated.</param>
/// <param name="PredictionEmpty">Cases where the prediction missed the structure.</param>
/// <param name="ReferenceEmpty">Cases where the prediction holds a structure the reference lacks.</param>
/// <param name="BothEmpty">Cases where neither holds it.</param>
/// <param name="Dice">Mean Dice.</param>
/// <param name="Hausdorff95Mm">Mean HD95 (medpy definition), mm.</param>
/// <param name="AverageSymmetricMm">Mean ASSD, mm.</param>
/// <param name="Notes">Why any metric is null.</param>
public sealed record LabelSummary(
    short? Label, int Cases, int PredictionEmpty, int ReferenceEmpty, int BothEmpty,
    MetricWithCi? Dice, MetricWithCi? Hausdorff95Mm, MetricWithCi? AverageSymmetricMm, IReadOnlyList<string> Notes);
