using DiscScope.Analysis.Mri;

namespace DiscScope.Training.SpineGate;

/// <summary>
/// A <see cref="GateImage"/> on the gate's canvas (<see cref="SpineImageGateInput"/>). Training draws the spacing: a stated spacing
/// varies by up to about 15 % either way (a user's PNG may state it roughly); an unknown one is drawn log-uniformly from
/// <see cref="UnknownSpacingRange"/>, since a radiograph or photo given as a bare image may come with any claimed spacing; and the image is
/// flipped top-bottom and left-right at random (the parser itself turns upside-down bare images). Evaluation uses the stated spacing, or
/// the assumed one for an image without.
/// </summary>
public static class GateRendering
{
    /// <summary>Claimed spacings (mm) drawn for images of unknown spacing during training.</summary>
    public static (double Low, double High) UnknownSpacingRange { get; } = (0.15, 2.0);

    /// <summary>The canvas image with a drawn spacing and random flips.</summary>
    public static float[] Random(GateImage image, Random rng, SliceCanvas? canvas = null)
    {
        ArgumentNullException.ThrowIfNull(image); ArgumentNullException.ThrowIfNull(rng);
        double sx, sy;
        if (image.SpacingKnown)
        {
            var f = Math.Exp((rng.NextDouble() * 2 - 1) * 0.15);
            sx = image.ColumnSpacing!.Value * f; sy = image.RowSpacing!.Value * f;
        }
        else
        {
            var (lo, hi) = UnknownSpacingRange;
            sx = sy = Math.Exp(Math.Log(lo) + rng.NextDouble() * (Math.Log(hi) - Math.Log(lo)));
        }
        var x = SpineImageGateInput.Prepare(image.Pixels, image.Width, image.Height, sx, sy, canvas);
        var c = canvas ?? SpineImageGateInput.Canvas;
        if (rng.NextDouble() < 0.5) FlipRows(x, c.Width, c.Height);
        if (rng.NextDouble() < 0.5) FlipColumns(x, c.Width, c.Height);
        return x;
    }

    /// <summary>The canvas image at the stated spacing, or at <paramref name="assumedSpacing"/> (mm) when none is stated.</summary>
    public static float[] Fixed(GateImage image, double assumedSpacing, SliceCanvas? canvas = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.SpacingKnown
            ? SpineImageGateInput.Prepare(image.Pixels, image.Width, image.Height, image.ColumnSpacing!.Value, image.RowSpacing!.Value, canvas)
            : SpineImageGateInput.Prepare(image.Pixels, image.Width, image.Height, assumedSpacing, assumedSpacing, canvas);
    }

    private static void FlipRows(float[] x, int w, int h)
    {
        for (var y = 0; y < h / 2; y++)
            for (var i = 0; i < w; i++) (x[y * w + i], x[(h - 1 - y) * w + i]) = (x[(h - 1 - y) * w + i], x[y * w + i]);
    }

    private static void FlipColumns(float[] x, int w, int h)
    {
        for (var y = 0; y < h; y++) Array.Reverse(x, y * w, w);
    }
}
