using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class SpineGateEvaluationTests
{
    private static GateOutOfFold Row(string source, string group, bool spine, double? spacing, double p) => new(source, group, group, spine, 0, spacing, p);

    [Fact]
    public void Per_source_counts_score_passes_for_spine_MR_and_refusals_for_other_images()
    {
        GateOutOfFold[] rows =
        [
            Row("spider", "s1", true, null, 0.9), Row("spider", "s1", true, null, 0.4), Row("spider", "s2", true, null, 0.5),
            Row("xray", "x1", false, 0.3, 0.2), Row("xray", "x2", false, 0.3, 0.7),
            Row("xray", "x1", false, 1.0, 0.1), Row("xray", "x2", false, 1.0, 0.3),
        ];
        var r = SpineGateEvaluation.BySource(rows, 0.5);
        Assert.Equal(3, r.Count);
        var spider = r[0];
        Assert.Equal(("spider", true, 3, 2, 2), (spider.Source, spider.IsSpineMr, spider.Images, spider.Groups, spider.Passed)); // 0.5 passes
        Assert.Equal(2 / 3.0, spider.Correct, 12);
        Assert.Equal((0.4, 0.9), (spider.MinProbability, spider.MaxProbability));
        var x03 = r.Single(x => x.AssumedSpacing == 0.3);
        Assert.Equal((1, 0.5), (x03.Passed, x03.Correct));
        var x1 = r.Single(x => x.AssumedSpacing == 1.0);
        Assert.Equal((0, 1.0), (x1.Passed, x1.Correct));
        Assert.Equal(1.0, x1.CorrectHigh);
    }

    [Fact]
    public void The_overall_summary_takes_stated_spacing_rows_and_those_at_the_assumed_spacing()
    {
        GateOutOfFold[] rows =
        [
            Row("spider", "s1", true, null, 0.9), Row("spider", "s2", true, null, 0.8), Row("spider", "s3", true, null, 0.3),
            Row("xray", "x1", false, 0.3, 0.95), Row("xray", "x2", false, 0.3, 0.1), Row("xray", "x3", false, 0.3, 0.2),
            Row("xray", "x1", false, 1.0, 0.1), Row("xray", "x2", false, 1.0, 0.1), Row("xray", "x3", false, 1.0, 0.2),
        ];
        var at03 = SpineGateEvaluation.Overall(rows, 0.3, 0.5);
        Assert.Equal((6, 3), (at03.Samples, at03.Positives));
        Assert.Equal(2 / 3.0, at03.Sensitivity!.Value, 12);
        Assert.Equal(2 / 3.0, at03.Specificity!.Value, 12);
        // AUC at 0.3 mm: of the 9 (spine, other) pairs, the spine image scores higher in 6 (each of 0.9, 0.8 and 0.3 beats 0.1 and 0.2;
        // none beats 0.95) -> 6/9.
        Assert.Equal(6 / 9.0, at03.Auc!.Value, 12);
        var at1 = SpineGateEvaluation.Overall(rows, 1.0, 0.5);
        Assert.Equal(1.0, at1.Auc!.Value, 12);
        Assert.Equal(1.0, at1.Specificity!.Value, 12);
    }
}
