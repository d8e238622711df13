using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class ReviewFlagAuditTests
{
    [Fact]
    public void FlagsFollowTheUncertaintyRuleAndAccuracyIsSplitByFlag()
    {
        // Pfirrmann (head 0): 4 discs; tops 0.9 (right), 0.6 (wrong), 0.4 (right), 0.3 (wrong) -> 2 flagged (0.4, 0.3), one right each side.
        // Binary heads: p1 = 0.95 (truth 1, right), 0.55 (truth 0, wrong, flagged: within 0.2 of 0.5), 0.2 (truth 0, right), 0.65 (truth 1, right, flagged).
        double[][] pf = [[0.9, 0.1, 0, 0, 0], [0.6, 0.4, 0, 0, 0], [0.4, 0.3, 0.3, 0, 0], [0.3, 0.3, 0.2, 0.2, 0]];
        double[][] modic = [[0.9, 0.1, 0, 0], [0.9, 0.1, 0, 0], [0.9, 0.1, 0, 0], [0.9, 0.1, 0, 0]];
        double[][] bin = [[0.05, 0.95], [0.45, 0.55], [0.8, 0.2], [0.35, 0.65]];
        var probabilities = GradingTask.All.Select(t => t.HeadName switch { "pfirrmann" => pf, "modic" => modic, _ => bin }).ToList();
        var truth = GradingTask.All.Select(t => t.HeadName switch { "pfirrmann" => new[] { 0, 1, 0, 1 }, "modic" => new[] { 0, 0, 0, 1 }, _ => new[] { 1, 0, 0, 1 } }).ToList();
        var rows = ReviewFlagAudit.Compute(truth, probabilities, (h, n) => GradingTask.All[h].HeadName == "pfirrmann" ? 0 : GradingTask.All[h].Decide(probabilities[h][n]));
        var p = rows.Single(r => r.Head == "pfirrmann").Split;
        Assert.Equal((4, 2, 0.5, 0.5), (p.Total, p.Flagged, p.RightUnflagged, p.RightFlagged));
        var m = rows.Single(r => r.Head == "modic").Split;
        Assert.Equal((0, 0.75, (double?)null), (m.Flagged, m.RightUnflagged, m.RightFlagged));
        var b = rows.Single(r => r.Head == "herniation").Split;
        Assert.Equal((2, 1.0, 0.5), (b.Flagged, b.RightUnflagged, b.RightFlagged));
        Assert.Equal(0.5, b.FlaggedShare);
        Assert.Equal(GradingTask.All.Count, rows.Count);
    }

    [Fact]
    public void APerDiscFlagMarksEveryGradeOfThatDisc()
    {
        // Every head confident and right on discs 0 and 1, wrong on disc 2; disc 2 flagged by its own (segmentation) flag.
        var probabilities = GradingTask.All.Select(t => Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, t.Classes).Select(c => c == 0 ? 0.95 : 0.05 / (t.Classes - 1)).ToArray()).ToArray()).ToList();
        var truth = GradingTask.All.Select(_ => new[] { 0, 0, 1 }).ToList();
        var rows = ReviewFlagAudit.Compute(truth, probabilities, (h, n) => 0, discFlagged: n => n == 2);
        Assert.All(rows, r => Assert.Equal((3, 1, (double?)1.0, (double?)0.0), (r.Split.Total, r.Split.Flagged, r.Split.RightUnflagged, r.Split.RightFlagged)));
        var without = ReviewFlagAudit.Compute(truth, probabilities, (h, n) => 0);
        Assert.All(without, r => Assert.Equal(0, r.Split.Flagged));
    }

    [Fact]
    public void TheBinaryBandAndTopProbabilityAreTheOptionsOnes()
    {
        var u = UncertaintyOptions.Default with { BinaryBand = 0.05, MinTopProbability = 0.35 };
        Assert.False(u.Uncertain([0.4, 0.6], 1));
        Assert.True(u.Uncertain([0.48, 0.52], 1));
        Assert.False(u.Uncertain([0.4, 0.3, 0.3, 0, 0], 0));
        Assert.True(u.Uncertain([0.4, 0.3, 0.3, 0, 0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => u.Uncertain([0.5, 0.5], 2));
    }
}
