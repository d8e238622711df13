using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class T1PairingTests
{
    [Fact]
    public void SameLevelsPair() => Assert.Null(T1Pairing.Mismatch([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]));

    [Fact]
    public void AnExtraOrMissingDiscOnT1IsNotPaired()
    {
        Assert.Contains("disagree", T1Pairing.Mismatch([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]));
        Assert.Contains("disagree", T1Pairing.Mismatch([1, 2, 3, 4, 5], [1, 2, 3, 4]));
    }

    [Fact]
    public void NoDiscOnT1IsNotPaired() => Assert.Equal("no disc found on T1", T1Pairing.Mismatch([1, 2], []));
}
