namespace DiscScope.Evaluation;

/// <summary>
/// Per-patient pooled Dice of one label (<see cref="PooledDice"/> over each patient's cases), averaged over patients, with a
/// bootstrap CI over patients (JSON-friendly). A patient whose cases never hold the label in either mask is left out.
/// </summary>
/// <param name="Label">Label value, or null for a merged class.</param>
/// <param name="Patients">Patients with a defined pooled Dice.</param>
/// <param name="Cases">Cases (slices) pooled.</param>
/// <param name="Dice">Mean over patients of the patient's pooled Dice.</param>
/// <param name="Notes">Why the metric is null, if it is.</param>
public sealed record PooledLabelSummary(short? Label, int Patients, int Cases, MetricWithCi? Dice, IReadOnlyList<string> Notes);
