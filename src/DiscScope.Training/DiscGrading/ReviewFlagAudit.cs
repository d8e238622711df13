using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>How the "uncertain — review" flag of one grading splits out-of-fold predictions: how many discs it flags and how often the
/// reported class is right among the flagged and the unflagged discs (null where a group is empty).</summary>
public sealed record ReviewFlagRow(string Head, int Discs, int Flagged, double? AccuracyUnflagged, double? AccuracyFlagged)
{
    public double FlaggedShare => Discs == 0 ? 0 : (double)Flagged / Discs;
}

/// <summary>
/// Audits the review flag (<see cref="UncertaintyOptions.Uncertain"/>, the level-naming confidence left aside) on out-of-fold predictions:
/// a flag worth raising marks discs whose reported class is right less often than the rest's. Pure.
/// </summary>
public static class ReviewFlagAudit
{
    /// <param name="truth">Reference class per head [h][n], heads in <see cref="GradingTask.All"/> order.</param>
    /// <param name="probabilities">Probabilities per head [h][n][c].</param>
    /// <param name="decide">The class reported for head h's probabilities of disc n (e.g. the grader's decision rule).</param>
    /// <param name="options">The flag's thresholds (default: the grader's).</param>
    public static IReadOnlyList<ReviewFlagRow> Compute(IReadOnlyList<int[]> truth, IReadOnlyList<double[][]> probabilities, Func<int, int, int> decide, UncertaintyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(decide);
        var u = options ?? UncertaintyOptions.Default;
        var rows = new List<ReviewFlagRow>();
        for (var h = 0; h < GradingTask.All.Count; h++)
        {
            int flagged = 0, rightFlagged = 0, rightUnflagged = 0, n = truth[h].Length;
            if (probabilities[h].Length != n) throw new ArgumentException($"head {GradingTask.All[h].HeadName}: {probabilities[h].Length} predictions for {n} discs");
            for (var i = 0; i < n; i++)
            {
                var c = decide(h, i);
                var right = c == truth[h][i];
                if (u.Uncertain(probabilities[h][i], c)) { flagged++; if (right) rightFlagged++; }
                else if (right) rightUnflagged++;
            }
            rows.Add(new ReviewFlagRow(GradingTask.All[h].HeadName, n, flagged,
                n - flagged > 0 ? (double)rightUnflagged / (n - flagged) : null, flagged > 0 ? (double)rightFlagged / flagged : null));
        }
        return rows;
    }
}
