namespace DiscScope.Analysis.Mri;

/// <summary>
/// The network's input frame: a fixed canvas (<see cref="Width"/> x <see cref="Height"/> pixels at <see cref="SpacingMm"/>) centred on the slice.
/// Slices are resampled (bilinear) onto it and intensities normalised per slice to the 1st..99th percentile -> [0, 1].
/// </summary>
public sealed record SliceCanvas
{
    public static SliceCanvas Default { get; } = new();

    public int Width { get; init; } = 224;
    public int Height { get; init; } = 224;
    /// <summary>Isotropic pixel size of the canvas (mm).</summary>
    public double SpacingMm { get; init; } = 1.4;

    /// <summary>Source coordinate (continuous pixel index) of canvas pixel (u, v) for a source of w x h pixels at (sx, sy) mm.</summary>
    public (double X, double Y) ToSource(double u, double v, int w, int h, double sx, double sy) =>
        ((u - (Width - 1) / 2.0) * SpacingMm / sx + (w - 1) / 2.0, (v - (Height - 1) / 2.0) * SpacingMm / sy + (h - 1) / 2.0);

    /// <summary>Canvas coordinate of source pixel (x, y).</summary>
    public (double U, double V) ToCanvas(double x, double y, int w, int h, double sx, double sy) =>
        ((x - (w - 1) / 2.0) * sx / SpacingMm + (Width - 1) / 2.0, (y - (h - 1) / 2.0) * sy / SpacingMm + (Height - 1) / 2.0);

    /// <summary>Resamples a row-major slice onto the canvas (bilinear; 0 outside) and writes it into <paramref name="dst"/> (Height*Width).</summary>
    public void Resample(ReadOnlySpan<float> src, int w, int h, double sx, double sy, Span<float> dst)
    {
        for (var v = 0; v < Height; v++)
            for (var u = 0; u < Width; u++)
            {
                var (x, y) = ToSource(u, v, w, h, sx, sy);
                dst[v * Width + u] = Bilinear(src, w, h, x, y);
            }
    }

    /// <summary>Resamples a nearest-neighbour label slice onto the canvas (0 outside).</summary>
    public byte[] ResampleLabels(ReadOnlySpan<byte> src, int w, int h, double sx, double sy)
    {
        var o = new byte[Width * Height];
        for (var v = 0; v < Height; v++)
            for (var u = 0; u < Width; u++)
            {
                var (x, y) = ToSource(u, v, w, h, sx, sy);
                int xi = (int)Math.Round(x), yi = (int)Math.Round(y);
                if (xi >= 0 && yi >= 0 && xi < w && yi < h) o[v * Width + u] = src[yi * w + xi];
            }
        return o;
    }

    /// <summary>Bilinear sample of a row-major image at continuous (x, y); 0 outside (half a pixel of tolerance at the border).</summary>
    public static float Bilinear(ReadOnlySpan<float> img, int w, int h, double x, double y)
    {
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) return 0;
        x = Math.Clamp(x, 0, w - 1); y = Math.Clamp(y, 0, h - 1);
        int x0 = (int)x, y0 = (int)y; int x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
        float fx = (float)(x - x0), fy = (float)(y - y0);
        var a = img[y0 * w + x0] * (1 - fx) + img[y0 * w + x1] * fx;
        var b = img[y1 * w + x0] * (1 - fx) + img[y1 * w + x1] * fx;
        return a * (1 - fy) + b * fy;
    }
}
