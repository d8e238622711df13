using DiscScope.TestSupport;
namespace DiscScope.Evaluation.Tests.Classification;

public class RocTests
{
    [Fact]
    public void TiedScoresCountOneHalf()
    {
        // Positive-negative pairs: (0.8, 0.8) tie = ½, (0.8, 0.2) = 1, (0.6, 0.8) = 0, (0.6, 0.2) = 1 → AUC = 2.5/4.
        bool[] y = [true, false, true, false];
        double[] s = [0.8, 0.8, 0.6, 0.2];
        Assert.Equal(0.625, Roc.Auc(y, s));
        var curve = Roc.Curve(y, s);
        Assert.Equal([0.8, 0.6, 0.2], curve.Select(p => p.Threshold));
        Assert.Equal(new RocPoint(0.8, 0.5, 0.5), curve[0]);
        var youden = Roc.YoudenOptimal(y, s);
        Assert.Equal(0.6, youden.Threshold); // J: 0.8 → 0, 0.6 → 0.5, 0.2 → 0
        var op = Roc.AtThreshold(y, s, 0.6);
        Assert.Equal((1.0, 0.5), (op.Sensitivity, op.Specificity));
    }

    [Fact]
    public void YoudenTiesGoToTheHighestThreshold()
    {
        // J = TPR − FPR: at 0.9 it is 1/2 − 0 = 0.5; at 0.7, 1/2 − 1/2 = 0; at 0.5, 1 − 1/2 = 0.5; at 0.1, 1 − 1 = 0.
        bool[] y = [true, false, true, false];
        double[] s = [0.9, 0.7, 0.5, 0.1];
        var best = Roc.YoudenOptimal(y, s);
        Assert.Equal(0.9, best.Threshold); // J = 0.5 at 0.9 and at 0.5: the first in descending order, as numpy.argmax
        Assert.Equal(0.5, best.YoudenJ);
    }

    [Fact]
    public void OneClassIsUndefined()
    {
        Assert.Throws<UndefinedMetricException>(() => Roc.Auc([true, true], [0.1, 0.2]));
        Assert.Throws<UndefinedMetricException>(() => Roc.MacroOneVsRestAuc([0, 0, 1], [[0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [0.2, 0.7, 0.1]]));
        Assert.Null(Roc.AtThreshold([false, false], [0.1, 0.9], 0.5).Sensitivity);
    }

    [Theory]
    [InlineData(5, 200, 0.5)]
    [InlineData(6, 41, 0.3)]
    public void BinaryScoresMatchScikitLearn(int seed, int n, double threshold)
    {
        var (truth, scores) = Samples.Scores(seed, n);
        var peer = ReferencePeer.Run(new { kind = "binary_scores", truth = truth.Select(t => t ? 1 : 0), scores, threshold, bins = 10 })[0];
        // sklearn integrates the curve by trapezoids, DiscScope counts mid-ranks: equal in exact arithmetic, ~1e-15 apart in doubles.
        Assert.Equal(peer.GetProperty("auc").GetDouble(), Roc.Auc(truth, scores), 1e-12);
        var curve = Roc.Curve(truth, scores);
        Assert.Equal(ReferencePeer.Doubles(peer.GetProperty("thresholds")), curve.Select(p => p.Threshold)); // same input values, exact
        Assert.Equal(ReferencePeer.Doubles(peer.GetProperty("fpr")), curve.Select(p => p.FalsePositiveRate)); // count / count, exact
        Assert.Equal(ReferencePeer.Doubles(peer.GetProperty("tpr")), curve.Select(p => p.TruePositiveRate));
        Assert.Equal(peer.GetProperty("youden_threshold").GetDouble(), Roc.YoudenOptimal(truth, scores).Threshold);
        var op = Roc.AtThreshold(truth, scores, threshold);
        Assert.Equal(peer.GetProperty("sensitivity").GetDouble(), op.Sensitivity!.Value, 1e-15);
        Assert.Equal(peer.GetProperty("specificity").GetDouble(), op.Specificity!.Value, 1e-15);
    }

    [Fact]
    public void MacroOneVsRestMatchesScikitLearn()
    {
        var (truth, logits) = Samples.Logits(7, 150, 5, 1.2, 1.0);
        var probs = Samples.Softmax(logits);
        var peer = ReferencePeer.Run(new { kind = "multiclass", truth, probs, bins = 10 })[0];
        Assert.Equal(peer.GetProperty("auc_macro_ovr").GetDouble(), Roc.MacroOneVsRestAuc(truth, probs), 1e-12); // see the binary case
        var perClass = Roc.OneVsRestAuc(truth, probs);
        var expected = ReferencePeer.Doubles(peer.GetProperty("auc_per_class"));
        for (var c = 0; c < 5; c++) Assert.Equal(expected[c], perClass[c], 1e-12);
    }
}
