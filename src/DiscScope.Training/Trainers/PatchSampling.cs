namespace DiscScope.Training.Trainers;

/// <summary>
/// Random training patches of one size from images of any size (nnU-Net style): a patch is centred on a random foreground pixel with
/// probability <see cref="ForegroundProbability"/>, else placed uniformly; images smaller than the patch are padded (image with its
/// minimum, labels with 0).
/// </summary>
/// <param name="Height">Patch height in pixels (a multiple of the network's size multiple).</param>
/// <param name="Width">Patch width in pixels.</param>
/// <param name="ForegroundProbability">Share of patches forced to contain foreground (label &gt; 0) where the image has any.</param>
public sealed record PatchSampling(int Height, int Width, double ForegroundProbability = 0.33)
{
    /// <summary>A random patch of <paramref name="s"/>.</summary>
    public SegmentationSample Crop(SegmentationSample s, Random rng)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rng);
        int y0, x0;
        var fg = rng.NextDouble() < ForegroundProbability ? ForegroundPixel(s, rng) : -1;
        if (fg >= 0)
        {
            y0 = fg / s.Width - Height / 2 + rng.Next(-Height / 4, Height / 4 + 1);
            x0 = fg % s.Width - Width / 2 + rng.Next(-Width / 4, Width / 4 + 1);
        }
        else
        {
            y0 = s.Height > Height ? rng.Next(0, s.Height - Height + 1) : (s.Height - Height) / 2;
            x0 = s.Width > Width ? rng.Next(0, s.Width - Width + 1) : (s.Width - Width) / 2;
        }
        // a dimension smaller than the patch is centred whole; a larger one keeps the window inside the image
        y0 = s.Height >= Height ? Math.Clamp(y0, 0, s.Height - Height) : (s.Height - Height) / 2;
        x0 = s.Width >= Width ? Math.Clamp(x0, 0, s.Width - Width) : (s.Width - Width) / 2;
        return Extract(s, y0, x0, Height, Width);
    }

    /// <summary>The window [y0, y0 + h) x [x0, x0 + w) of a sample; outside the image: image minimum per channel, label 0.</summary>
    public static SegmentationSample Extract(SegmentationSample s, int y0, int x0, int h, int w)
    {
        var img = new float[s.Channels * h * w];
        var lab = new long[h * w];
        for (var c = 0; c < s.Channels; c++)
        {
            var plane = s.Image.AsSpan(c * s.Height * s.Width, s.Height * s.Width);
            var fill = float.PositiveInfinity;
            foreach (var v in plane) fill = Math.Min(fill, v);
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    int sy = y0 + y, sx = x0 + x;
                    var inside = sy >= 0 && sx >= 0 && sy < s.Height && sx < s.Width;
                    img[(c * h + y) * w + x] = inside ? plane[sy * s.Width + sx] : fill;
                    if (c == 0) lab[y * w + x] = inside ? s.Labels[sy * s.Width + sx] : 0;
                }
        }
        return new SegmentationSample(img, lab, s.Channels, h, w);
    }

    private static int ForegroundPixel(SegmentationSample s, Random rng)
    {
        var n = 0;
        foreach (var l in s.Labels) if (l > 0) n++;
        if (n == 0) return -1;
        var k = rng.Next(n);
        for (var i = 0; i < s.Labels.Length; i++) if (s.Labels[i] > 0 && k-- == 0) return i;
        return -1;
    }
}
