using DiscScope.Domain.Anatomy;

namespace DiscScope.Domain.Tests.Anatomy;

public class DiscLevelTests
{
    // Reference: SPIDER gradings.csv documentation (IVD label 1 = L5/S1, 2 = L4/L5, ...) and the SPIDER mask convention
    // (vertebra 1 = L5, canal 100, disc 200 + k), as stated in ../shared/data/spider/MANIFEST files.
    [Theory]
    [InlineData(1, "L5-S1")]
    [InlineData(2, "L4-L5")]
    [InlineData(5, "L1-L2")]
    [InlineData(6, "T12-L1")]
    public void SpiderIvdLabelsNameTheRightDisc(int k, string name)
    {
        Assert.Equal(name, DiscLevel.FromSpiderIvdLabel(k).ToString());
        Assert.Equal(k, DiscLevel.Parse(name).SpiderIvdLabel);
        Assert.Equal(200 + k, SpineLabel.Of(DiscLevel.Parse(name)));
    }

    [Fact]
    public void VertebraLabelsCountFromL5()
    {
        Assert.Equal(VertebraLevel.L5, VertebraLevels.FromSpiderLabel(1));
        Assert.Equal(VertebraLevel.T12, VertebraLevels.FromSpiderLabel(6));
        Assert.Equal(Structure.Canal, SpineLabel.StructureOf(100));
        Assert.Equal(Structure.Disc, SpineLabel.StructureOf(203));
    }

    [Fact]
    public void RejectsNonAdjacentDiscs()
    {
        Assert.Throws<ArgumentException>(() => new DiscLevel(VertebraLevel.L3, VertebraLevel.L5));
        Assert.Throws<FormatException>(() => DiscLevel.Parse("L4"));
        Assert.Equal("L5-L6", new DiscLevel(VertebraLevel.L5, VertebraLevel.L6).ToString());
    }
}
