using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Audits the "uncertain — review" flag (<see cref="UncertaintyOptions.Uncertain"/> and, where given, a per-disc flag such as
/// <see cref="DiscSegmentationQuality.Incomplete"/>; the level-naming confidence left aside) on
/// out-of-fold predictions: per grading, how many discs it flags and how often the reported class is right with and without it. Pure.
/// </summary>
public static class ReviewFlagAudit
{
    /// <param name="truth">Reference class per head [h][n], heads in <see cref="GradingTask.All"/> order.</param>
    /// <param name="probabilities">Probabilities per head [h][n][c].</param>
    /// <param name="decide">The class reported for head h's probabilities of disc n (e.g. the grader's decision rule).</param>
    /// <param name="options">The flag's thresholds (default: the grader's).</param>
    /// <param name="discFlagged">Whether disc n is flagged whatever its probabilities (default: none is).</param>
    /// <returns>Head name and its split, in <see cref="GradingTask.All"/> order.</returns>
    public static IReadOnlyList<(string Head, FlagSplit Split)> Compute(IReadOnlyList<int[]> truth, IReadOnlyList<double[][]> probabilities, Func<int, int, int> decide, UncertaintyOptions? options = null,
        Func<int, bool>? discFlagged = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(decide);
        var u = options ?? UncertaintyOptions.Default;
        return [.. GradingTask.All.Select((task, h) =>
        {
            if (probabilities[h].Length != truth[h].Length) throw new ArgumentException($"head {task.HeadName}: {probabilities[h].Length} predictions for {truth[h].Length} discs");
            return (task.HeadName, FlagSplit.Of(truth[h].Select((y, n) =>
            {
                var c = decide(h, n);
                return (u.Uncertain(probabilities[h][n], c) || discFlagged?.Invoke(n) == true, c == y);
            })));
        })];
    }
}
