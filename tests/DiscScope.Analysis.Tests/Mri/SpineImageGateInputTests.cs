using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SpineImageGateInputTests
{
    [Fact]
    public void Box_downsampling_averages_whole_and_partial_blocks()
    {
        // 5 x 7 image of 0..34 (row-major), factor 2 (target 2.1 mm from 1 mm pixels); block means from numpy, partial blocks over the
        // pixels they hold.
        var img = Enumerable.Range(0, 35).Select(v => (float)v).ToArray();
        var (o, w, h, sx, sy) = SpineImageGateInput.BoxDownsample(img, 5, 7, 1.0, 1.0, 2.1);
        Assert.Equal((3, 4), (w, h));
        Assert.Equal((2.0, 2.0), (sx, sy));
        double[] expected = [3.0, 5.0, 6.5, 13.0, 15.0, 16.5, 23.0, 25.0, 26.5, 30.5, 32.5, 34.0];
        Assert.Equal(expected, o.Select(v => (double)v).ToArray());
    }

    [Fact]
    public void Pixels_already_coarser_than_the_target_are_copied()
    {
        var img = new float[] { 1, 2, 3, 4 };
        var (o, w, h, sx, _) = SpineImageGateInput.BoxDownsample(img, 2, 2, 3.0, 3.0, 2.8);
        Assert.Equal((2, 2, 3.0), (w, h, sx));
        Assert.Equal(img, o);
        Assert.NotSame(img, o);
    }

    [Fact]
    public void The_input_is_the_canvas_in_0_to_1_and_does_not_depend_on_a_prior_downsampling()
    {
        // A smooth 600 x 900 image at 0.25 mm and its 2x2 box average at 0.5 mm: both are averaged to 2.5 mm before resampling (factor 11
        // vs 5 + rounding), so the canvases agree closely.
        int w = 600, h = 900;
        var img = new float[w * h];
        for (var y = 0; y < h; y++) for (var x = 0; x < w; x++) img[y * w + x] = (float)(Math.Sin(x / 40.0) * Math.Cos(y / 55.0) + y / 300.0);
        var a = SpineImageGateInput.Prepare(img, w, h, 0.25, 0.25);
        var (half, hw, hh, hs, _) = SpineImageGateInput.BoxDownsample(img, w, h, 0.25, 0.25, 0.5);
        var b = SpineImageGateInput.Prepare(half, hw, hh, hs, hs);
        var c = SpineImageGateInput.Canvas;
        Assert.Equal(c.Width * c.Height, a.Length);
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));
        var meanAbs = a.Zip(b, (p, q) => Math.Abs(p - q)).Average();
        Assert.True(meanAbs < 0.03, $"mean |difference| {meanAbs:F4}");
    }

    [Fact]
    public void A_slice_of_the_wrong_size_or_spacing_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SpineImageGateInput.Prepare(new float[10], 3, 3, 1, 1));
        Assert.Throws<ArgumentException>(() => SpineImageGateInput.Prepare(new float[9], 3, 3, 0, 1));
        Assert.Throws<ArgumentException>(() => SpineImageGateInput.Prepare(new float[9], 3, 3, 1, double.NaN));
    }
}
