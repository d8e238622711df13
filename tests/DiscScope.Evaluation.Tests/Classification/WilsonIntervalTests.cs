using DiscScope.Evaluation;

namespace DiscScope.Evaluation.Tests.Classification;

public sealed class WilsonIntervalTests
{
    /// <summary>Newcombe (1998), Stat Med 17:857, Table I, method 3 (score interval without continuity correction), examples (a)-(d) (0.2553-0.3662,
    /// 0.0624-0.1605, 0-0.1611, 0.0061-0.1718); full precision from scipy 1.10 <c>binomtest(k, n).proportion_ci(method="wilson")</c>, and 29 of 29 from scipy alone.</summary>
    [Theory]
    [InlineData(81, 263, 0.2552885198782742, 0.36620957698280004)]
    [InlineData(15, 148, 0.06238639953073629, 0.16048724172330803)]
    [InlineData(0, 20, 0.0, 0.16112515805281935)]
    [InlineData(1, 29, 0.006113214292762667, 0.17175521879320282)]
    [InlineData(29, 29, 0.8830302015002592, 1.0)]
    public void Matches_Newcombe_and_scipy(int k, int n, double low, double high)
    {
        var (lo, hi) = WilsonInterval.Of(k, n);
        Assert.Equal(low, lo, 1e-9);
        Assert.Equal(high, hi, 1e-9);
    }

    [Fact]
    public void Refuses_no_trials_and_impossible_counts()
    {
        Assert.Throws<UndefinedMetricException>(() => WilsonInterval.Of(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(-1, 4));
    }
}
