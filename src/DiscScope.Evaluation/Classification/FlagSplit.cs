namespace DiscScope.Evaluation;

/// <summary>
/// How a warning flag splits a set of decisions: how many it flags and how often the decision is right among the unflagged and the
/// flagged ones (null where a group is empty). A flag worth raising marks decisions that are right less often than the rest. Pure.
/// </summary>
public sealed record FlagSplit(int Total, int Flagged, double? RightUnflagged, double? RightFlagged)
{
    /// <summary>Share of the decisions flagged (0 when there are none).</summary>
    public double FlaggedShare => Total == 0 ? 0 : (double)Flagged / Total;

    public static FlagSplit Of(IEnumerable<(bool Flagged, bool Right)> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        int total = 0, flagged = 0, rightFlagged = 0, rightUnflagged = 0;
        foreach (var (f, right) in decisions)
        {
            total++;
            if (f) { flagged++; if (right) rightFlagged++; }
            else if (right) rightUnflagged++;
        }
        return new FlagSplit(total, flagged, total - flagged > 0 ? (double)rightUnflagged / (total - flagged) : null, flagged > 0 ? (double)rightFlagged / flagged : null);
    }
}
