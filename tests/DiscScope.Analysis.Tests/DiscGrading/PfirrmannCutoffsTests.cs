using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class PfirrmannCutoffsTests
{
    private static readonly PfirrmannCutoffs Shipped = new([0.76, 1.48, 2.22, 3.08]);

    [Theory]
    [InlineData(new[] { 0.0, 0, 1, 0, 0 }, 2.0)]
    [InlineData(new[] { 0.5, 0, 0, 0, 0.5 }, 2.0)]
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4, 0.0 }, 2.0)]   // 0.2 + 0.6 + 1.2
    [InlineData(new[] { 0.0, 0, 0.7, 0.3, 0 }, 2.3)]
    [InlineData(new[] { 0.0, 0, 1.4, 0.6, 0 }, 2.3)]      // unnormalised: divided by the sum
    public void TheExpectedClassIsTheProbabilityWeightedMean(double[] p, double expected) =>
        Assert.Equal(expected, PfirrmannCutoffs.ExpectedClass(p), 12);

    [Theory]
    [InlineData(new[] { 0.0, 0, 0.7, 0.3, 0 }, 2, 3)]     // E = 2.30: rounds to 2, at or above 2.22 -> class 3
    [InlineData(new[] { 0.3, 0.7, 0, 0, 0 }, 1, 0)]       // E = 0.70: rounds to 1, below 0.76 -> class 0
    [InlineData(new[] { 0.0, 0, 0, 0, 1 }, 4, 4)]
    [InlineData(new[] { 1.0, 0, 0, 0, 0 }, 0, 0)]
    [InlineData(new[] { 0.0, 0.5, 0.5, 0, 0 }, 2, 2)]     // E = 1.5, exactly the rounding cutoff: at or above it
    public void TheClassCountsTheCutoffsAtOrBelowTheScore(double[] p, int rounded, int shipped)
    {
        Assert.Equal(rounded, PfirrmannCutoffs.Rounding.Decide(p));
        Assert.Equal(shipped, Shipped.Decide(p));
    }

    [Theory]
    [InlineData(new[] { 0.5, 1.5, 2.5 })]
    [InlineData(new[] { 0.5, 1.5, 1.5, 3.5 })]
    [InlineData(new[] { 0.5, 2.5, 1.5, 3.5 })]
    [InlineData(new[] { -0.1, 1.5, 2.5, 3.5 })]
    [InlineData(new[] { 0.5, 1.5, 2.5, 4.5 })]
    [InlineData(new[] { 0.5, double.NaN, 2.5, 3.5 })]
    public void InvalidCutoffsAreNamed(double[] cutoffs) => Assert.NotNull(new PfirrmannCutoffs(cutoffs).Problem());

    [Fact]
    public void ValidCutoffsHaveNoProblem()
    {
        Assert.Null(Shipped.Problem());
        Assert.Null(PfirrmannCutoffs.Rounding.Problem());
    }

    [Theory]
    [InlineData(new[] { 0.2, 0.2, 0.2, 0.2 })]            // four classes
    [InlineData(new[] { 0.2, 0.2, 0.2, 0.2, double.NaN })]
    [InlineData(new[] { 0.2, 0.2, -0.2, 0.2, 0.2 })]
    [InlineData(new[] { 0.0, 0, 0, 0, 0 })]
    public void BadProbabilitiesAreRefused(double[] p) => Assert.Throws<ArgumentException>(() => PfirrmannCutoffs.ExpectedClass(p));
}
