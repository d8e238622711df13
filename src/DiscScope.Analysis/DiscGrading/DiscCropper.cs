namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Cuts a disc-centred, disc-aligned crop out of a sagittal slice (bilinear; outside the slice = 0). The crop's x axis runs along the disc
/// towards posterior, its y axis along the disc normal towards inferior, so every disc looks horizontal with anterior on the left.
/// </summary>
public static class DiscCropper
{
    /// <param name="slice">Row-major slice (width <paramref name="w"/>, height <paramref name="h"/>), already intensity-normalised.</param>
    /// <param name="w">Slice width (columns).</param>
    /// <param name="h">Slice height (rows).</param>
    /// <param name="sx">Column spacing (mm).</param>
    /// <param name="sy">Row spacing (mm).</param>
    /// <param name="cx">Disc centre x (mm, anterior->posterior).</param>
    /// <param name="cy">Disc centre y (mm, superior->inferior).</param>
    /// <param name="normalX">Disc normal, x component (either sign; it is oriented inferior here).</param>
    /// <param name="normalY">Disc normal, y component.</param>
    /// <param name="options">Crop size and spacing; null = <see cref="DiscCropOptions.Default"/>.</param>
    public static float[] Crop(ReadOnlySpan<float> slice, int w, int h, double sx, double sy, double cx, double cy, double normalX, double normalY, DiscCropOptions? options = null)
    {
        var o = options ?? DiscCropOptions.Default;
        var len = Math.Sqrt(normalX * normalX + normalY * normalY);
        if (!(len > 0)) throw new ArgumentException("disc normal must be non-zero");
        double nx = normalX / len, ny = normalY / len;
        if (ny < 0) { nx = -nx; ny = -ny; }
        // Along-disc axis: the normal rotated by -90 degrees, pointing posterior (+x) for a roughly horizontal disc.
        double ux = ny, uy = -nx;
        var crop = new float[o.Width * o.Height];
        for (var r = 0; r < o.Height; r++)
        {
            var t = (r - (o.Height - 1) / 2.0) * o.SpacingMm;
            for (var c = 0; c < o.Width; c++)
            {
                var s = (c - (o.Width - 1) / 2.0) * o.SpacingMm;
                var x = (cx + s * ux + t * nx) / sx; var y = (cy + s * uy + t * ny) / sy;
                crop[r * o.Width + c] = Sample(slice, w, h, x, y);
            }
        }
        return crop;
    }

    private static float Sample(ReadOnlySpan<float> img, int w, int h, double x, double y)
    {
        if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return 0;
        int x0 = (int)x, y0 = (int)y, x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
        double fx = x - x0, fy = y - y0;
        return (float)((img[y0 * w + x0] * (1 - fx) + img[y0 * w + x1] * fx) * (1 - fy) + (img[y1 * w + x0] * (1 - fx) + img[y1 * w + x1] * fx) * fy);
    }
}
