using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Segmentation;

public class PooledDiceTests
{
    private static readonly ImageGeometry Slice = ImageGeometry.Simple(12, 12, 1);

    [Fact]
    public void PoolsVoxelCountsRatherThanAveragingDice()
    {
        var big = Masks.Box(Slice, 1, 4, 1, 4);   // 16 voxels
        var small = Masks.Box(Slice, 1, 2, 1, 2); // 4 voxels, inside big
        var perfect = Overlap.Compute(big, big);  // Dice 1
        var under = Overlap.Compute(small, big);  // Dice 2*4/20 = 0.4
        // by hand: 2 (16 + 4) / ((16 + 4) + (16 + 16)) = 40 / 52; the mean of the two slices' Dice would be 0.7
        Assert.Equal(40.0 / 52.0, PooledDice.Of([perfect, under])!.Value, 15);
    }

    [Fact]
    public void EqualsTheDiceOfTheStackedSlices()
    {
        var stack = ImageGeometry.Simple(12, 12, 3);
        var p = Masks.Blobs(stack, 3, 4, 1.5, 4);
        var r = Masks.Blobs(stack, 4, 4, 1.5, 4);
        var perSlice = Enumerable.Range(0, 3).Select(k =>
        {
            BinaryMask Cut(BinaryMask m) => new(Slice, [.. m.Voxels.Skip(k * 144).Take(144)]);
            return Overlap.Compute(Cut(p), Cut(r));
        }).ToArray();
        Assert.Equal(Overlap.Compute(p, r).Dice!.Value, PooledDice.Of(perSlice)!.Value, 12);
    }

    [Fact]
    public void UndefinedWhenNoCaseHoldsTheStructure()
    {
        var empty = new BinaryMask(Slice, new bool[144]);
        Assert.Null(PooledDice.Of([Overlap.Compute(empty, empty), Overlap.Compute(empty, empty)]));
        Assert.Null(PooledDice.Of([]));
        // one slice with a miss and one with nothing: 0, not undefined
        Assert.Equal(0.0, PooledDice.Of([Overlap.Compute(empty, Masks.Box(Slice, 0, 1, 0, 1)), Overlap.Compute(empty, empty)]));
    }
}
