namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Confident learning on one grading: discs, references questioned, of those (ordinal gradings only, else null) the ones counted as a
/// class two or more grades away, and the per-class thresholds (null: no disc has that class).
/// </summary>
public sealed record HeadAudit(string Head, int Discs, int Questioned, int? QuestionedFar, IReadOnlyList<double?> Thresholds)
{
    public double QuestionedShare => Discs == 0 ? 0 : (double)Questioned / Discs;
}
