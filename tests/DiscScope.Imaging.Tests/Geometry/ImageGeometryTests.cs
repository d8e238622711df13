using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Tests.Geometry;

public class ImageGeometryTests
{
    [Fact]
    public void IndexToWorldAndBackAreInverse()
    {
        // An oblique direction (rotation of 30 degrees about z) with anisotropic spacing.
        var c = Math.Cos(Math.PI / 6); var s = Math.Sin(Math.PI / 6);
        var g = new ImageGeometry(10, 20, 5, new Vec3(0.5, 0.7, 3.3), new Vec3(-12, 40, 7), Matrix3.FromColumns(new(c, s, 0), new(-s, c, 0), new(0, 0, 1)));
        var w = g.IndexToWorld(3, 4, 2);
        var back = g.WorldToIndex(w);
        Assert.True(back.MaxAbsDifference(new Vec3(3, 4, 2)) < 1e-9);
        // Hand-computed: origin + 3*0.5*col0 + 4*0.7*col1 + 2*3.3*col2
        var expected = new Vec3(-12 + 1.5 * c - 2.8 * s, 40 + 1.5 * s + 2.8 * c, 7 + 6.6);
        Assert.True(w.MaxAbsDifference(expected) < 1e-12);
    }

    [Fact]
    public void OrientationCodesFollowTheTowardsConvention()
    {
        Assert.Equal("LPS", Orientation.Code(Matrix3.Identity));
        Assert.Equal("RAS", Orientation.Code(Matrix3.FromColumns(new(-1, 0, 0), new(0, -1, 0), new(0, 0, 1))));
    }

    [Fact]
    public void RejectsNonPositiveSizesAndSpacing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Simple(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGeometry.Simple(1, 1, 1, 0));
    }
}
