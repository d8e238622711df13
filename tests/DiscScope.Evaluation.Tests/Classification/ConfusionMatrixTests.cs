using DiscScope.TestSupport;
namespace DiscScope.Evaluation.Tests.Classification;

public class ConfusionMatrixTests
{
    [Fact]
    public void KappaOfAKnownTwoByTwoTable()
    {
        // [[20, 5], [10, 15]]: p_o = 35/50 = 0.7; p_e = (25·30 + 25·20)/50² = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        // With two classes every weighting gives the same κ (the only off-diagonal weight is 1).
        var m = ConfusionMatrix.FromCounts(new long[,] { { 20, 5 }, { 10, 15 } });
        Assert.Equal(0.4, m.Kappa(), 12); // a few roundings of ratios of small integers
        Assert.Equal(0.4, m.Kappa(KappaWeighting.Quadratic), 12);
        Assert.Equal(0.7, m.Accuracy(), 15);
        Assert.Equal((20.0 / 25 + 15.0 / 25) / 2, m.BalancedAccuracy(), 15);
        Assert.Equal(1.0, m.WithinOneAgreement());
    }

    [Fact]
    public void WithinOneCountsNeighbouringGrades()
    {
        var m = ConfusionMatrix.From([0, 1, 2, 3, 4], [1, 1, 4, 2, 4], 5); // off by 1, 0, 2, 1, 0
        Assert.Equal(4.0 / 5, m.WithinOneAgreement(), 15);
        Assert.Equal(1, m[2, 4]);
    }

    [Fact]
    public void UndefinedAndInvalidInputsThrowTypedExceptions()
    {
        var oneClass = ConfusionMatrix.From([1, 1, 1], [1, 1, 1], 3);
        Assert.Throws<UndefinedMetricException>(() => oneClass.Kappa());
        Assert.Throws<EvaluationException>(() => ConfusionMatrix.From([0, 3], [0, 1], 3));
        Assert.Throws<EvaluationException>(() => ConfusionMatrix.From([0, 1], [0], 3));
        Assert.Throws<UndefinedMetricException>(() => ConfusionMatrix.From([], [], 2).Accuracy());
    }

    [Theory]
    [InlineData(1, 300, 5, false)]
    [InlineData(2, 57, 4, false)]
    [InlineData(3, 120, 5, true)] // the highest grade never occurs in the reference: balanced accuracy leaves it out
    public void MatchesScikitLearn(int seed, int n, int classes, bool dropLast)
    {
        var (truth, pred) = Samples.Grades(seed, n, classes, dropLast);
        var peer = ReferencePeer.Run(new { kind = "labels", truth, pred, n_classes = classes })[0];
        var m = ConfusionMatrix.From(truth, pred, classes);
        var expectedRows = peer.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        Assert.Equal(expectedRows, m.Rows());
        // Sums of at most a few hundred integer-valued doubles, then a division: agreement to ~1e-15, 1e-12 leaves room.
        Assert.Equal(peer.GetProperty("accuracy").GetDouble(), m.Accuracy(), 1e-12);
        Assert.Equal(peer.GetProperty("balanced_accuracy").GetDouble(), m.BalancedAccuracy(), 1e-12);
        Assert.Equal(peer.GetProperty("kappa").GetDouble(), m.Kappa(KappaWeighting.Unweighted), 1e-12);
        Assert.Equal(peer.GetProperty("kappa_linear").GetDouble(), m.Kappa(KappaWeighting.Linear), 1e-12);
        Assert.Equal(peer.GetProperty("kappa_quadratic").GetDouble(), m.Kappa(KappaWeighting.Quadratic), 1e-12);
        Assert.Equal(peer.GetProperty("within_one").GetDouble(), m.WithinOneAgreement(), 1e-12);
    }
}
