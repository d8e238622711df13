using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class SimulatedRadiographTests
{
    /// <summary>A 41 x 3 x 41 grid of 1 mm voxels: air (-1000 HU) with a water block (0 HU) of 20 mm along A-P (columns 10..29) and
    /// 30 mm along R-L (slices 5..34).</summary>
    private static Volume<float> WaterBlock()
    {
        var v = new Volume<float>(new ImageGeometry(41, 3, 41, new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity));
        for (var k = 0; k < 41; k++) for (var j = 0; j < 3; j++) for (var i = 0; i < 41; i++)
            v.Voxels[i + 41 * (j + 3 * k)] = i is >= 10 and <= 29 && k is >= 5 and <= 34 ? 0 : -1000;
        return v;
    }

    [Fact]
    public void Attenuation_follows_Hounsfield_units()
    {
        Assert.Equal(0, SimulatedRadiograph.Mu(-1000));
        Assert.Equal(0, SimulatedRadiograph.Mu(-1200));
        Assert.Equal(0.02, SimulatedRadiograph.Mu(0), 12);
        Assert.Equal(0.04, SimulatedRadiograph.Mu(1000), 12);
    }

    [Fact]
    public void The_AP_and_lateral_views_show_the_water_path_length()
    {
        // AP (beam along A-P): the path through water is the block's A-P extent; bilinear sampling at 1 mm steps of a 0/-1000 edge adds
        // half a voxel at each face, so the integral is 0.02 * 20 mm plus at most 0.02 * 1 mm -> 1 - exp(-0.40..0.42) at the centre.
        var ap = SimulatedRadiograph.Project(WaterBlock(), 0);
        var centre = ap.Pixels[1 * ap.Width + ap.Width / 2];
        Assert.InRange(centre, 1 - Math.Exp(-0.40) - 1e-6, 1 - Math.Exp(-0.42) + 1e-6);
        Assert.Equal(0f, ap.Pixels[1 * ap.Width], 6); // the detector's edge sees only air
        // Lateral (beam along R-L): 30 mm of water.
        var lat = SimulatedRadiograph.Project(WaterBlock(), 90);
        Assert.InRange(lat.Pixels[1 * lat.Width + lat.Width / 2], 1 - Math.Exp(-0.60) - 1e-6, 1 - Math.Exp(-0.62) + 1e-6);
        Assert.Equal((3, 1.0, 1.0), (ap.Height, ap.ColumnSpacing, ap.RowSpacing));
    }

    [Fact]
    public void A_half_slab_sees_half_the_path_of_a_block_that_fills_the_volume()
    {
        var v = new Volume<float>(new ImageGeometry(21, 1, 21, new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity));
        Array.Fill(v.Voxels, 0f);
        var whole = SimulatedRadiograph.Project(v, 0, 1);
        var half = SimulatedRadiograph.Project(v, 0, 0.5);
        double Integral(float p) => -Math.Log(1 - p);
        var c = whole.Width / 2;
        // 1 mm samples: the half slab takes 11 samples of water (-5..5 mm), the whole volume 20 to 21 -> a ratio of 0.52 to 0.55.
        Assert.InRange(Integral(half.Pixels[c]) / Integral(whole.Pixels[c]), 0.5, 0.56);
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedRadiograph.Project(v, 0, 0));
    }

    [Fact]
    public void Finer_detector_pixels_resample_the_same_picture()
    {
        var coarse = SimulatedRadiograph.Project(WaterBlock(), 0);
        var fine = SimulatedRadiograph.Project(WaterBlock(), 0, detectorPixelMm: 0.25);
        Assert.Equal((0.25, 0.25), (Math.Round(fine.ColumnSpacing, 3), Math.Round(fine.RowSpacing, 3)));
        Assert.Equal(coarse.Width * 4, fine.Width);
        Assert.Equal(coarse.Height * 4, fine.Height);
        // The centre of the water block keeps its value (a smooth region), the detector edge stays air.
        Assert.Equal(coarse.Pixels[1 * coarse.Width + coarse.Width / 2], fine.Pixels[(fine.Height / 2) * fine.Width + fine.Width / 2], 3);
        Assert.Equal(0f, fine.Pixels[(fine.Height / 2) * fine.Width], 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedRadiograph.Project(WaterBlock(), 0, detectorPixelMm: 0));
    }
}
