namespace DiscScope.Training.Augmentation;

/// <summary>
/// Applies <see cref="AugmentationOptions"/> to a channel-first image [C, H, W] in row-major order: one random geometric transform
/// (affine, elastic, flips composed into one backward map; bilinear for the image, filled with each channel's minimum) shared by the image,
/// its label map and any float maps (e.g. landmark heatmaps), then per-channel intensity changes of the image only. Pure C#; deterministic
/// for a given <see cref="Random"/> state.
/// </summary>
public sealed class Augmenter2d(AugmentationOptions? options = null)
{
    public AugmentationOptions Options { get; } = options ?? new AugmentationOptions();

    public AugmentedImage Apply(float[] image, int channels, int height, int width, Random rng, long[]? labels = null, float[]? maps = null, int mapChannels = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(rng);
        var plane = height * width;
        if (image.Length != channels * plane) throw new ArgumentException($"image holds {image.Length} values, [{channels}, {height}, {width}] needs {channels * plane}");
        if (labels is not null && labels.Length != plane) throw new ArgumentException("label map size differs from the image's");
        if (maps is not null && maps.Length != mapChannels * plane) throw new ArgumentException("float maps size differs from [mapChannels, H, W]");
        var o = Options;
        var map = SpatialMap(o, height, width, rng);
        float[] img; long[]? lab = labels; float[]? mps = maps;
        if (map is null) img = (float[])image.Clone();
        else
        {
            img = new float[image.Length];
            for (var c = 0; c < channels; c++)
            {
                var src = image.AsSpan(c * plane, plane);
                var fill = float.PositiveInfinity;
                foreach (var v in src) fill = Math.Min(fill, v);
                Sample(src, img.AsSpan(c * plane, plane), map, height, width, fill);
            }
            if (labels is not null) lab = SampleNearest(labels, map, height, width);
            if (maps is not null)
            {
                mps = new float[maps.Length];
                for (var c = 0; c < mapChannels; c++) Sample(maps.AsSpan(c * plane, plane), mps.AsSpan(c * plane, plane), map, height, width, 0f);
            }
        }
        for (var c = 0; c < channels; c++) Intensity(img.AsSpan(c * plane, plane), height, width, rng, o);
        return new AugmentedImage(img, lab, mps);
    }

    /// <summary>Source (x, y) per output pixel, interleaved; null for the identity.</summary>
    private static double[]? SpatialMap(AugmentationOptions o, int h, int w, Random rng)
    {
        var affine = rng.NextDouble() < o.AffineProbability;
        var elastic = rng.NextDouble() < o.ElasticProbability;
        var flipX = o.FlipHorizontal && rng.NextDouble() < 0.5;
        var flipY = o.FlipVertical && rng.NextDouble() < 0.5;
        if (!affine && !elastic && !flipX && !flipY) return null;
        double m00 = 1, m01 = 0, m10 = 0, m11 = 1, tx = 0, ty = 0;
        if (affine)
        {
            var th = U(rng, o.RotationDegrees) * Math.PI / 180;
            var sh = Math.Tan(U(rng, o.ShearDegrees) * Math.PI / 180);
            var s = 1 + U(rng, o.ScaleRange);
            double sx = s * (1 + U(rng, o.ScaleRange / 3)), sy = s * (1 + U(rng, o.ScaleRange / 3));
            // backward map: source = R(th) * Shear * diag(1/sx, 1/sy) * (p - c) + c + t
            double c = Math.Cos(th), si = Math.Sin(th);
            double a00 = 1 / sx, a01 = sh / sy, a10 = 0, a11 = 1 / sy;
            m00 = c * a00 - si * a10; m01 = c * a01 - si * a11; m10 = si * a00 + c * a10; m11 = si * a01 + c * a11;
            tx = U(rng, o.TranslationFraction) * w; ty = U(rng, o.TranslationFraction) * h;
        }
        if (flipX) { m00 = -m00; m10 = -m10; }
        if (flipY) { m01 = -m01; m11 = -m11; }
        double[]? gx = null, gy = null; var g = Math.Max(2, o.ElasticGrid);
        if (elastic)
        {
            gx = new double[g * g]; gy = new double[g * g];
            for (var i = 0; i < g * g; i++) { gx[i] = Normal(rng) * o.ElasticAlphaPixels; gy[i] = Normal(rng) * o.ElasticAlphaPixels; }
        }
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        var map = new double[2 * h * w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                double dx = x - cx, dy = y - cy;
                var sxp = m00 * dx + m01 * dy + cx + tx;
                var syp = m10 * dx + m11 * dy + cy + ty;
                if (gx is not null)
                {
                    sxp += Bilinear(gx, g, g, x * (g - 1.0) / Math.Max(1, w - 1), y * (g - 1.0) / Math.Max(1, h - 1));
                    syp += Bilinear(gy!, g, g, x * (g - 1.0) / Math.Max(1, w - 1), y * (g - 1.0) / Math.Max(1, h - 1));
                }
                map[2 * (y * w + x)] = sxp; map[2 * (y * w + x) + 1] = syp;
            }
        return map;
    }

    private static void Sample(ReadOnlySpan<float> src, Span<float> dst, double[] map, int h, int w, float fill)
    {
        for (var i = 0; i < dst.Length; i++)
        {
            double x = map[2 * i], y = map[2 * i + 1];
            if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) { dst[i] = fill; continue; }
            x = Math.Clamp(x, 0, w - 1); y = Math.Clamp(y, 0, h - 1);
            int x0 = (int)x, y0 = (int)y, x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
            double fx = x - x0, fy = y - y0;
            dst[i] = (float)((1 - fy) * ((1 - fx) * src[y0 * w + x0] + fx * src[y0 * w + x1]) + fy * ((1 - fx) * src[y1 * w + x0] + fx * src[y1 * w + x1]));
        }
    }

    private static long[] SampleNearest(long[] src, double[] map, int h, int w)
    {
        var dst = new long[src.Length];
        for (var i = 0; i < dst.Length; i++)
        {
            var x = (int)Math.Round(map[2 * i]); var y = (int)Math.Round(map[2 * i + 1]);
            dst[i] = x >= 0 && y >= 0 && x < w && y < h ? src[y * w + x] : 0;
        }
        return dst;
    }

    private static double Bilinear(double[] g, int gh, int gw, double x, double y)
    {
        int x0 = Math.Min((int)x, gw - 2), y0 = Math.Min((int)y, gh - 2);
        double fx = x - x0, fy = y - y0;
        return (1 - fy) * ((1 - fx) * g[y0 * gw + x0] + fx * g[y0 * gw + x0 + 1]) + fy * ((1 - fx) * g[(y0 + 1) * gw + x0] + fx * g[(y0 + 1) * gw + x0 + 1]);
    }

    private static void Intensity(Span<float> v, int h, int w, Random rng, AugmentationOptions o)
    {
        var (min, max, mean, std) = Stats(v);
        if (rng.NextDouble() < o.BiasFieldProbability)
        {
            var a = new double[5];
            for (var i = 0; i < 5; i++) a[i] = U(rng, o.BiasFieldStrength);
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    double xn = 2.0 * x / Math.Max(1, w - 1) - 1, yn = 2.0 * y / Math.Max(1, h - 1) - 1;
                    var f = Math.Exp(a[0] * xn + a[1] * yn + a[2] * xn * yn + a[3] * xn * xn + a[4] * yn * yn);
                    v[y * w + x] = (float)(min + (v[y * w + x] - min) * f);
                }
            (min, max, mean, std) = Stats(v);
        }
        if (rng.NextDouble() < o.IntensityProbability)
        {
            var c = 1 + U(rng, o.ContrastRange);
            var b = U(rng, o.BrightnessRange) * std;
            for (var i = 0; i < v.Length; i++) v[i] = (float)((v[i] - mean) * c + mean + b);
            (min, max, mean, std) = Stats(v);
        }
        if (rng.NextDouble() < o.IntensityProbability && max > min)
        {
            var gamma = Math.Exp(U(rng, o.GammaRange));
            for (var i = 0; i < v.Length; i++) v[i] = (float)(min + (max - min) * Math.Pow((v[i] - min) / (max - min), gamma));
            (min, max, mean, std) = Stats(v);
        }
        if (rng.NextDouble() < o.InversionProbability)
            for (var i = 0; i < v.Length; i++) v[i] = max + min - v[i];
        if (rng.NextDouble() < o.BlurProbability) Blur(v, h, w, 0.5 + rng.NextDouble() * Math.Max(0, o.BlurSigmaMax - 0.5));
        if (rng.NextDouble() < o.NoiseProbability)
        {
            var s = o.NoiseStd * std;
            for (var i = 0; i < v.Length; i++) v[i] += (float)(Normal(rng) * s);
        }
    }

    private static void Blur(Span<float> v, int h, int w, double sigma)
    {
        var r = (int)Math.Ceiling(3 * sigma);
        var k = new double[2 * r + 1]; double sum = 0;
        for (var i = -r; i <= r; i++) { k[i + r] = Math.Exp(-0.5 * i * i / (sigma * sigma)); sum += k[i + r]; }
        for (var i = 0; i < k.Length; i++) k[i] /= sum;
        var tmp = new float[v.Length];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                double a = 0;
                for (var i = -r; i <= r; i++) a += k[i + r] * v[y * w + Math.Clamp(x + i, 0, w - 1)];
                tmp[y * w + x] = (float)a;
            }
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                double a = 0;
                for (var i = -r; i <= r; i++) a += k[i + r] * tmp[Math.Clamp(y + i, 0, h - 1) * w + x];
                v[y * w + x] = (float)a;
            }
    }

    private static (float Min, float Max, double Mean, double Std) Stats(ReadOnlySpan<float> v)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity; double s = 0, sq = 0;
        foreach (var x in v) { min = Math.Min(min, x); max = Math.Max(max, x); s += x; sq += (double)x * x; }
        var mean = s / v.Length;
        return (min, max, mean, Math.Sqrt(Math.Max(0, sq / v.Length - mean * mean)));
    }

    private static double U(Random rng, double range) => (rng.NextDouble() * 2 - 1) * range;

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
