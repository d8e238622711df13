using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;

namespace DiscScope.Imaging.Tests.Processing;

public class ReorientationTests
{
    private static Volume<short> Ramp(ImageGeometry g)
    {
        var v = new Volume<short>(g);
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (short)n;
        return v;
    }

    [Fact]
    public void ReorientKeepsEveryVoxelAtItsWorldPosition()
    {
        // An axial-like RAS grid reoriented to the canonical sagittal frame.
        var g = new ImageGeometry(4, 3, 5, new Vec3(1, 2, 3), new Vec3(10, -5, 2), Matrix3.FromColumns(new(-1, 0, 0), new(0, -1, 0), new(0, 0, 1)));
        var v = Ramp(g);
        var r = Reorientation.Reorient(v, Reorientation.CanonicalSagittal);
        Assert.Equal("PIL", Orientation.Code(r.Geometry.Direction));
        Assert.Equal((3, 5, 4), (r.SizeI, r.SizeJ, r.SizeK));
        for (var k = 0; k < r.SizeK; k++)
            for (var j = 0; j < r.SizeJ; j++)
                for (var i = 0; i < r.SizeI; i++)
                {
                    var w = r.Geometry.IndexToWorld(i, j, k);
                    var si = g.WorldToIndex(w);
                    var src = v[(int)Math.Round(si.X), (int)Math.Round(si.Y), (int)Math.Round(si.Z)];
                    Assert.Equal(src, r[i, j, k]);
                    Assert.True(Math.Abs(si.X - Math.Round(si.X)) < 1e-9);
                }
    }

    [Fact]
    public void ResampleNearestOntoSameGeometryIsIdentity()
    {
        var g = ImageGeometry.Simple(5, 4, 3, 0.8, 0.8, 2);
        var v = Ramp(g);
        var o = Resampler.Resample(v, g, Interpolation.Nearest);
        Assert.Equal(v.Voxels, o.Voxels);
    }

    [Fact]
    public void LinearResampleAtHalfVoxelAveragesNeighbours()
    {
        var g = ImageGeometry.Simple(2, 1, 1);
        var v = new Volume<float>(g, [10f, 20f]);
        var target = g with { SizeI = 1, Origin = new Vec3(0.5, 0, 0) };
        var o = Resampler.Resample(v, target, Interpolation.Linear);
        Assert.Equal(15f, o.Voxels[0], 5);
    }
}
