namespace DiscScope.Evaluation;

/// <summary>One binary finding (e.g. herniation present at one disc) for evaluation.</summary>
/// <param name="PatientId">The patient, the unit of resampling and of cross-validation folds.</param>
/// <param name="Truth">Reference: finding present.</param>
/// <param name="Score">Predicted probability that the finding is present, in [0, 1].</param>
public sealed record ScoredSample(string PatientId, bool Truth, double Score);
