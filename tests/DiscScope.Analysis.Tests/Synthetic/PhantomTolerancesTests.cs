using DiscScope.Analysis.Synthetic;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Tests.Synthetic;

public class PhantomTolerancesTests
{
    private static readonly PhantomDisc Healthy = new(DiscLevel.BelowVertebra(VertebraLevel.L3), 9, 10, 8, 0.88, false, 0);
    private static readonly PhantomDisc Herniated = new(DiscLevel.L5S1, 9, 10, 8, 0.88, false, 5);

    [Theory]
    [InlineData(10.0, 0.88, 0.5, true)]
    [InlineData(11.4, 1.02, 0.5, true)]    // both at the edge of their tolerance
    [InlineData(8.4, 0.88, 0.5, false)]    // 1.6 mm short
    [InlineData(10.0, 0.70, 0.5, false)]   // signal ratio 0.18 off
    [InlineData(10.0, null, null, true)]   // no canal: the ratio is not assessed, not invented
    public void HealthyDisc(double middle, double? ratio, double? displacement, bool expected) =>
        Assert.Equal(expected, PhantomTolerances.Within(Healthy, middle, ratio, displacement));

    [Theory]
    [InlineData(6.0, 0.9, 3.0, true)]      // the herniated disc's height is not checked; its displacement is
    [InlineData(10.0, 0.9, 1.5, false)]
    [InlineData(10.0, 0.9, null, false)]
    public void HerniatedDisc(double middle, double? ratio, double? displacement, bool expected) =>
        Assert.Equal(expected, PhantomTolerances.Within(Herniated, middle, ratio, displacement));
}
