using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;

namespace DiscScope.Imaging.Tests.Processing;

public sealed class RowFlipTests
{
    [Fact]
    public void Rows_of_every_slice_are_reversed_and_the_geometry_is_kept()
    {
        // 2 columns x 3 rows x 2 slices, value = 100 k + 10 j + i.
        var g = ImageGeometry.Simple(2, 3, 2, 0.5, 0.7, 3);
        var v = new Volume<short>(g);
        for (var k = 0; k < 2; k++) for (var j = 0; j < 3; j++) for (var i = 0; i < 2; i++) v.Voxels[(k * 3 + j) * 2 + i] = (short)(100 * k + 10 * j + i);
        var f = RowFlip.Apply(v);
        Assert.Equal(g, f.Geometry);
        float[] expected = [20, 21, 10, 11, 0, 1, 120, 121, 110, 111, 100, 101];
        Assert.Equal(expected, f.Voxels);
        Assert.Equal(v.Voxels.Select(x => (float)x), RowFlip.Apply(f).Voxels); // twice = identity
    }
}
