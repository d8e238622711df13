using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SliceCanvasTests
{
    [Fact]
    public void Canvas_and_source_coordinates_are_inverse()
    {
        var c = SliceCanvas.Default;
        var (x, y) = c.ToSource(17.25, 200.5, 512, 640, 0.47, 0.47);
        var (u, v) = c.ToCanvas(x, y, 512, 640, 0.47, 0.47);
        Assert.Equal(17.25, u, 9); // round-off only
        Assert.Equal(200.5, v, 9);
    }

    [Fact]
    public void The_canvas_centre_is_the_slice_centre_and_scale_follows_spacing()
    {
        var c = new SliceCanvas { Width = 100, Height = 100, SpacingMm = 2 };
        var (x, y) = c.ToSource(49.5, 49.5, 40, 60, 1, 1);
        Assert.Equal(19.5, x, 9);
        Assert.Equal(29.5, y, 9);
        var (x2, _) = c.ToSource(50.5, 49.5, 40, 60, 1, 1);
        Assert.Equal(2, x2 - x, 9); // one canvas pixel = 2 mm = 2 source pixels
    }

    [Fact]
    public void Normalisation_maps_percentiles_to_unit_range()
    {
        var v = Enumerable.Range(0, 1000).Select(i => (float)i).ToArray();
        Assert.True(IntensityNormalizer.Normalize(v));
        Assert.Equal(0, v[0]);
        Assert.Equal(1, v[999]);
        Assert.InRange(v[500], 0.49f, 0.51f); // histogram bins of (max-min)/4096 shift the percentiles by < 1 %
        var c = new float[10];
        Array.Fill(c, 3f);
        Assert.False(IntensityNormalizer.Normalize(c));
    }
}
