using System.Text.Json;
using DiscScope.Evaluation.Tests.Classification;
using DiscScope.Evaluation.Tests.Segmentation;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Summaries;

public class SummaryBuilderTests
{
    private static readonly BootstrapOptions Quick = new(Resamples: 300, Seed: 5); // enough to exercise the path, not for inference

    private static GradedSample[] Graded(int seed, int patients, int classes)
    {
        var (truth, logits) = Samples.Logits(seed, patients * 5, classes, 1.5, 1.2);
        var probs = Samples.Softmax(logits);
        return [.. truth.Select((t, n) => new GradedSample($"P{n / 5:D3}", t, probs[n]))];
    }

    [Fact]
    public void GradingPointEstimatesAreTheMetricsOnAllSamples()
    {
        var samples = Graded(1, 40, 5);
        var s = SummaryBuilder.Grading(samples, 5, Quick);
        var cm = ConfusionMatrix.From([.. samples.Select(x => x.Truth)], [.. samples.Select(x => x.Predicted)], 5);
        Assert.Equal((200, 40, 5), (s.Samples, s.Patients, s.Classes));
        Assert.Equal(cm.Rows(), s.Confusion);
        Assert.Equal(cm.Accuracy(), s.Accuracy!.Value);
        Assert.Equal(cm.Kappa(KappaWeighting.Quadratic), s.QuadraticKappa!.Value);
        Assert.Equal(Roc.MacroOneVsRestAuc([.. samples.Select(x => x.Truth)], [.. samples.Select(x => x.Probabilities)]), s.MacroAuc!.Value);
        Assert.Equal(40, s.QuadraticKappa.Clusters);
        foreach (var m in new[] { s.Accuracy, s.BalancedAccuracy, s.Kappa, s.LinearKappa, s.QuadraticKappa, s.WithinOne, s.MacroAuc, s.Brier, s.Ece })
            Assert.True(m!.Lower <= m.Value && m.Value <= m.Upper, m.ToString());
        Assert.Empty(s.Notes);
    }

    [Fact]
    public void AnUndefinedMetricIsNullWithANote()
    {
        // Class 4 never occurs in the reference: one-vs-rest AUC for it is undefined, the rest stand.
        var samples = Graded(2, 20, 5).Select(x => x with { Truth = Math.Min(x.Truth, 3) }).ToArray();
        var s = SummaryBuilder.Grading(samples, 5, Quick);
        Assert.Null(s.MacroAuc);
        Assert.Contains(s.Notes, n => n.StartsWith("macro AUC", StringComparison.Ordinal));
        Assert.NotNull(s.QuadraticKappa);
    }

    [Fact]
    public void BinarySummaryAgreesWithTheFunctions()
    {
        var (truth, scores) = Samples.Scores(3, 150);
        var samples = truth.Select((t, n) => new ScoredSample($"P{n / 3:D3}", t, scores[n])).ToArray();
        var s = SummaryBuilder.Binary(samples, 0.4, Quick);
        Assert.Equal(Roc.Auc(truth, scores), s.Auc!.Value);
        Assert.Equal(Roc.AtThreshold(truth, scores, 0.4).Sensitivity, s.Sensitivity!.Value);
        Assert.Equal(Roc.YoudenOptimal(truth, scores).Threshold, s.YoudenThreshold);
        Assert.Equal((150, 50), (s.Samples, s.Patients));
    }

    [Fact]
    public void SegmentationSummaryCountsEmptyCasesAndAveragesDefinedOnes()
    {
        var g = ImageGeometry.Simple(12, 12, 1);
        var empty = new BinaryMask(g, new bool[144]);
        var a = Masks.Box(g, 1, 4, 1, 4);
        var b = Masks.Box(g, 3, 6, 1, 4); // Dice 0.5 against a
        LabelMetrics M(short? label, BinaryMask p, BinaryMask r) => new(label, Overlap.Compute(p, r), SurfaceDistance.Compute(p, r));
        var cases = new[]
        {
            new SegmentationCaseResult("P1", [M(201, a, a), M(202, a, b), M(null, a, a)]),
            new SegmentationCaseResult("P2", [M(201, empty, a), M(202, empty, empty), M(null, a, b)]),
            new SegmentationCaseResult("P3", [M(201, a, b), M(202, a, a), M(null, b, b)]),
        };
        var s = SummaryBuilder.Segmentation(cases, Quick);
        Assert.Equal([(short?)201, 202, null], s.Select(x => x.Label));
        var disc1 = s[0];
        Assert.Equal((3, 1, 0, 0), (disc1.Cases, disc1.PredictionEmpty, disc1.ReferenceEmpty, disc1.BothEmpty));
        Assert.Equal((1 + 0 + 0.5) / 3, disc1.Dice!.Value, 15); // the missed disc counts as Dice 0
        Assert.Equal(2, disc1.Hausdorff95Mm!.N);                 // surface distances only where both masks hold it
        Assert.Equal((1 + 0.5) / 2, s[1].Dice!.Value, 15);       // both-empty case left out
        Assert.Equal(1, s[1].BothEmpty);
    }

    [Fact]
    public void PooledSegmentationGivesOneValuePerPatient()
    {
        var g = ImageGeometry.Simple(12, 12, 1);
        var empty = new BinaryMask(g, new bool[144]);
        var big = Masks.Box(g, 1, 4, 1, 4);   // 16 voxels
        var small = Masks.Box(g, 1, 2, 1, 2); // 4 voxels inside big
        LabelMetrics M(short? label, BinaryMask p, BinaryMask r) => new(label, Overlap.Compute(p, r), SurfaceDistance.Compute(p, r));
        var cases = new[]
        {
            new SegmentationCaseResult("P1", [M(2, big, big)]),
            new SegmentationCaseResult("P1", [M(2, small, big)]),  // P1 pooled: 2 (16 + 4) / (20 + 32) = 40 / 52
            new SegmentationCaseResult("P2", [M(2, empty, small)]), // P2 pooled: 0 (missed)
            new SegmentationCaseResult("P3", [M(2, empty, empty)]), // P3: undefined, left out
        };
        var s = Assert.Single(SummaryBuilder.PooledSegmentation(cases, Quick));
        Assert.Equal(((short?)2, 2, 4), (s.Label, s.Patients, s.Cases));
        Assert.Equal((40.0 / 52.0 + 0) / 2, s.Dice!.Value, 15);
        Assert.Equal(2, s.Dice.N);
        Assert.True(s.Dice.Lower <= s.Dice.Value && s.Dice.Value <= s.Dice.Upper);
        // the per-slice mean over the same cases differs: (1 + 0.4 + 0) / 3
        Assert.Equal((1 + 0.4 + 0) / 3, SummaryBuilder.Segmentation(cases, Quick)[0].Dice!.Value, 12);
    }

    [Fact]
    public void JsonShapeIsFlatCamelCaseAndRoundTrips()
    {
        var ci = new MetricWithCi(0.8, 0.7, 0.9, 120) { Clusters = 30, Resamples = 2000 };
        var json = EvaluationJson.Serialize(ci);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(0.8, doc.RootElement.GetProperty("value").GetDouble());
        Assert.Equal(120, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(0.95, doc.RootElement.GetProperty("level").GetDouble());
        Assert.Equal(ci, EvaluationJson.Deserialize<MetricWithCi>(json));
        var overlap = new OverlapResult(SegmentationCase.BothEmpty, 0, 0, 0);
        using var o = JsonDocument.Parse(EvaluationJson.Serialize(overlap));
        Assert.Equal("bothEmpty", o.RootElement.GetProperty("case").GetString());
        Assert.Equal(JsonValueKind.Null, o.RootElement.GetProperty("dice").ValueKind); // undefined, not NaN
        var summary = SummaryBuilder.Grading(Graded(4, 10, 3), 3, Quick);
        var back = EvaluationJson.Deserialize<GradingSummary>(EvaluationJson.Serialize(summary));
        Assert.Equal(summary.QuadraticKappa, back.QuadraticKappa);
        Assert.Equal(summary.Confusion, back.Confusion);
    }
}
