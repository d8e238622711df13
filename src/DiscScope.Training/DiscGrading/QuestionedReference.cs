namespace DiscScope.Training.DiscGrading;

/// <summary>
/// One reference grading that confident learning questions: the disc, the head, the reference class, the class the out-of-fold
/// prediction is confidently counted as, and the probability the prediction gave the reference class.
/// </summary>
public sealed record QuestionedReference(string Patient, int IvdLabel, string Head, int Reference, int CountedAs, double ReferenceProbability);
