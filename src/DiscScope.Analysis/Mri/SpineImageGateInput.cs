namespace DiscScope.Analysis.Mri;

/// <summary>
/// The spine image gate's input (pure): the slice box-averaged by the largest whole factor that keeps its pixels no coarser than the canvas's
/// (so a 3000-pixel radiograph and its downsampled copy give the same input), normalised to its 1st..99th percentile
/// (<see cref="IntensityNormalizer"/>) and resampled onto a coarse canvas centred on the slice (<see cref="SliceCanvas"/>, 0 outside).
/// </summary>
public static class SpineImageGateInput
{
    /// <summary>112 x 112 pixels at 2.8 mm: the segmentation canvas's 314 mm field of view at half its resolution.</summary>
    public static SliceCanvas Canvas { get; } = new() { Width = 112, Height = 112, SpacingMm = 2.8 };

    /// <summary>The canvas image [Height * Width] of a row-major slice of <paramref name="width"/> x <paramref name="height"/> pixels of
    /// <paramref name="columnSpacing"/> x <paramref name="rowSpacing"/> mm.</summary>
    public static float[] Prepare(ReadOnlySpan<float> slice, int width, int height, double columnSpacing, double rowSpacing, SliceCanvas? canvas = null)
    {
        var c = canvas ?? Canvas;
        if (width < 1 || height < 1 || slice.Length != (long)width * height) throw new ArgumentException($"slice of {slice.Length} values is not {width} x {height}");
        if (!(columnSpacing > 0) || !(rowSpacing > 0)) throw new ArgumentException($"pixel spacing {columnSpacing} x {rowSpacing} mm must be positive");
        var (pixels, w, h, sx, sy) = BoxDownsample(slice, width, height, columnSpacing, rowSpacing, c.SpacingMm);
        IntensityNormalizer.Normalize(pixels);
        var dst = new float[c.Width * c.Height];
        c.Resample(pixels, w, h, sx, sy, dst);
        return dst;
    }

    /// <summary>The slice averaged over f x f blocks, f = the largest whole number with f times the finer spacing at most
    /// <paramref name="targetSpacing"/> (1: a copy); a partial last block is averaged over the pixels it holds.</summary>
    public static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) BoxDownsample(ReadOnlySpan<float> slice, int width,
        int height, double columnSpacing, double rowSpacing, double targetSpacing)
    {
        var f = Math.Max(1, (int)Math.Floor(targetSpacing / Math.Min(columnSpacing, rowSpacing) + 1e-9));
        f = Math.Min(f, Math.Min(width, height));
        if (f == 1) return (slice.ToArray(), width, height, columnSpacing, rowSpacing);
        int w = (width + f - 1) / f, h = (height + f - 1) / f;
        var sum = new double[w * h];
        var count = new int[w * h];
        for (var y = 0; y < height; y++)
        {
            var row = (y / f) * w;
            for (var x = 0; x < width; x++) { sum[row + x / f] += slice[y * width + x]; count[row + x / f]++; }
        }
        var o = new float[w * h];
        for (var i = 0; i < o.Length; i++) o[i] = (float)(sum[i] / count[i]);
        // The block centres of a partial last block are not evenly spaced; the canvas resampler assumes they are (a sub-pixel shift at the edge).
        return (o, w, h, columnSpacing * f, rowSpacing * f);
    }
}
