using DiscScope.TestSupport;
namespace DiscScope.Evaluation.Tests.Classification;

public class CalibrationMetricsTests
{
    [Fact]
    public void HandCheckedValues()
    {
        Assert.Equal(0.025, CalibrationMetrics.BrierScore([true, false], [0.9, 0.2]), 15); // ((0.1)² + (0.2)²)/2
        // Four predictions all at confidence 0.8, half of them right: one bin, |0.5 − 0.8| = 0.3.
        Assert.Equal(0.3, CalibrationMetrics.ExpectedCalibrationError([true, true, false, false], [0.8, 0.8, 0.8, 0.8]), 12);
        // Two classes: the multiclass Brier score is twice the binary one.
        Assert.Equal(0.05, CalibrationMetrics.BrierScore([1, 0], [[0.1, 0.9], [0.8, 0.2]]), 15);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, CalibrationMetrics.NegativeLogLikelihood([1, 0], [[0.1, 0.9], [0.8, 0.2]]), 15);
        Assert.Throws<EvaluationException>(() => CalibrationMetrics.BrierScore([true], [1.2]));
    }

    [Fact]
    public void BinaryMatchesScikitLearnAndNumpy()
    {
        var (truth, scores) = Samples.Scores(8, 250);
        var peer = ReferencePeer.Run(new { kind = "binary_scores", truth = truth.Select(t => t ? 1 : 0), scores, threshold = 0.5, bins = 10 })[0];
        // Sums of a few hundred terms in different orders: 1e-12 covers the rounding.
        Assert.Equal(peer.GetProperty("brier").GetDouble(), CalibrationMetrics.BrierScore(truth, scores), 1e-12);
        Assert.Equal(peer.GetProperty("ece").GetDouble(), CalibrationMetrics.ExpectedCalibrationError(truth, scores, 10), 1e-12);
    }

    [Fact]
    public void MulticlassMatchesNumpy()
    {
        var (truth, logits) = Samples.Logits(9, 300, 5, 1.5, 1.4);
        var probs = Samples.Softmax(logits);
        var peer = ReferencePeer.Run(new { kind = "multiclass", truth, probs, bins = 15 })[0];
        Assert.Equal(peer.GetProperty("brier").GetDouble(), CalibrationMetrics.BrierScore(truth, probs), 1e-12); // summation order only
        Assert.Equal(peer.GetProperty("ece").GetDouble(), CalibrationMetrics.ExpectedCalibrationError(truth, probs, 15), 1e-12);
        Assert.Equal(peer.GetProperty("nll").GetDouble(), CalibrationMetrics.NegativeLogLikelihood(truth, probs), 1e-12);
    }
}
