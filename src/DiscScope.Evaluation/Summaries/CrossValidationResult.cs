namespace DiscScope.Evaluation;

/// <summary>Results of a patient-level K-fold cross-validation: one summary per held-out fold and one of all out-of-fold predictions pooled.</summary>
/// <param name="Folds">K.</param>
/// <param name="Seed">Seed of the fold split.</param>
/// <param name="Stratified">Whether the split was stratified.</param>
/// <param name="PerFold">Summary of each fold's held-out predictions, by fold index.</param>
/// <param name="Pooled">Summary of all out-of-fold predictions together (the headline figures, with CIs over patients).</param>
public sealed record CrossValidationResult<TSummary>(int Folds, int Seed, bool Stratified, IReadOnlyList<TSummary> PerFold, TSummary Pooled);
