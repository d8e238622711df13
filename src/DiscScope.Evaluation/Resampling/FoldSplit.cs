namespace DiscScope.Evaluation;

/// <summary>A patient-level K-fold split: every patient is held out in exactly one fold, and never split across folds.</summary>
/// <param name="Folds">The K folds, by index.</param>
/// <param name="Stratified">True when patients were stratified by the given per-sample strata.</param>
/// <param name="Seed">The seed that shuffled the patients.</param>
/// <param name="Patients">Number of distinct patients.</param>
public sealed record FoldSplit(IReadOnlyList<Fold> Folds, bool Stratified, int Seed, int Patients);
