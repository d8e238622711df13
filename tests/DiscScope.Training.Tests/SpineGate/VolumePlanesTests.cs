using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class VolumePlanesTests
{
    // 4 columns (A->P) x 3 rows (S->I) x 2 slices (R->L), spacing 0.5 x 0.7 x 3 mm; voxel value = 100 k + 10 j + i.
    private static Volume<float> Pil()
    {
        var v = new Volume<float>(new ImageGeometry(4, 3, 2, new Vec3(0.5, 0.7, 3), Vec3.Zero, Matrix3.Identity));
        for (var k = 0; k < 2; k++) for (var j = 0; j < 3; j++) for (var i = 0; i < 4; i++) v.Voxels[i + 4 * (j + 3 * k)] = 100 * k + 10 * j + i;
        return v;
    }

    [Fact]
    public void Sagittal_axial_and_coronal_planes_hold_the_right_voxels_and_spacings()
    {
        var v = Pil();
        var s = VolumePlanes.Sagittal(v, 1);
        Assert.Equal((4, 3, 0.5, 0.7), (s.Width, s.Height, s.ColumnSpacing, s.RowSpacing));
        Assert.Equal([100f, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123], s.Pixels);
        var a = VolumePlanes.Axial(v, 2);
        Assert.Equal((4, 2, 0.5, 3.0), (a.Width, a.Height, a.ColumnSpacing, a.RowSpacing));
        Assert.Equal([20f, 21, 22, 23, 120, 121, 122, 123], a.Pixels);
        var c = VolumePlanes.Coronal(v, 3);
        Assert.Equal((2, 3, 3.0, 0.7), (c.Width, c.Height, c.ColumnSpacing, c.RowSpacing));
        Assert.Equal([3f, 103, 13, 113, 23, 123], c.Pixels);
    }

    [Fact]
    public void Spread_gives_distinct_indices_within_the_range()
    {
        Assert.Equal([0, 5, 10], VolumePlanes.Spread(11, 0, 1, 3));
        Assert.Equal([1, 2, 3], VolumePlanes.Spread(5, 0.3, 0.7, 4)); // 1.2, 1.73, 2.27, 2.8: rounding collapses the duplicate 2
        Assert.Empty(VolumePlanes.Spread(0, 0, 1, 3));
    }
}
