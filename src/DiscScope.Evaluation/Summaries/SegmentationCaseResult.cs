namespace DiscScope.Evaluation;

/// <summary>The per-label metrics of one segmented case (one series), tagged with its patient for resampling.</summary>
/// <param name="PatientId">The patient, the unit of resampling.</param>
/// <param name="Labels">Metrics per label (and merged classes, Label = null), from <see cref="SegmentationMetrics"/>.</param>
public sealed record SegmentationCaseResult(string PatientId, IReadOnlyList<LabelMetrics> Labels);
