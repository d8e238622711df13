using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class SyntheticNegativesTests
{
    [Fact]
    public void Every_kind_is_made_non_constant_deterministically_and_labelled_other()
    {
        var a = SyntheticNegatives.Create(12, seed: 3, size: 64);
        var b = SyntheticNegatives.Create(12, seed: 3, size: 64);
        Assert.Equal(12, a.Count);
        Assert.All(a, x => Assert.False(x.IsSpineMr));
        Assert.All(a, x => Assert.False(x.SpacingKnown));
        Assert.All(a, x => Assert.True(x.Pixels.Max() > x.Pixels.Min(), x.Name));
        Assert.Equal(SyntheticNegatives.Kinds.OrderBy(k => k), a.Select(x => x.Name[..x.Name.LastIndexOf('-')]).Distinct().OrderBy(k => k));
        Assert.Equal(a.Select(x => x.Pixels), b.Select(x => x.Pixels));
        Assert.Equal(a.Count, a.Select(x => x.Group).Distinct().Count());
    }
}
