using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;

namespace DiscScope.Training.Mri;

/// <summary>
/// Makes one training sample on the <see cref="SliceCanvas"/>: random similarity transform (scale 0.85-1.2, rotation ±12°, shift ±20 mm,
/// no flips: anterior/superior stay put), then intensity changes that cover T1, T2 TSE and T2-SPACE looks from T2 training data:
/// random monotone or non-monotone transfer curve, inversion, gamma, contrast, low-frequency bias field, noise and blur.
/// </summary>
public sealed class SliceAugmenter(SliceCanvas canvas, int seed)
{
    private readonly Random _rng = new(seed);

    /// <summary>A slice normalised once (0..1) so augmentation starts from a common range, with its foreground centre (mm from the image centre).</summary>
    public sealed record Prepared(LabelledSlice Source, float[] Normalised, double CentreXMm, double CentreYMm);

    public static Prepared Prepare(LabelledSlice s)
    {
        var n = (float[])s.Image.Clone();
        IntensityNormalizer.Normalize(n);
        double sx = 0, sy = 0; long c = 0;
        for (var i = 0; i < s.Classes.Length; i++)
            if (s.Classes[i] != 0) { sx += i % s.Width; sy += i / s.Width; c++; }
        return c == 0 ? new Prepared(s, n, 0, 0)
            : new Prepared(s, n, (sx / c - (s.Width - 1) / 2.0) * s.ColumnSpacing, (sy / c - (s.Height - 1) / 2.0) * s.RowSpacing);
    }

    /// <summary>
    /// Writes a patch of <paramref name="patchWidth"/> x <paramref name="patchHeight"/> canvas pixels and its labels. With augmentation the patch
    /// is centred near the labelled anatomy (±40 mm), otherwise on the image centre.
    /// </summary>
    public void Sample(Prepared p, bool augment, int patchWidth, int patchHeight, Span<float> image, Span<long> labels)
    {
        var s = p.Source;
        int w = s.Width, h = s.Height;
        double scale = 1, angle = 0, tx = 0, ty = 0;
        if (augment)
        {
            scale = Math.Exp(Uniform(Math.Log(0.85), Math.Log(1.2)));
            angle = Uniform(-12, 12) * Math.PI / 180;
            tx = p.CentreXMm + Uniform(-40, 40); ty = p.CentreYMm + Uniform(-40, 40);
        }
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        double cu = (patchWidth - 1) / 2.0, cv = (patchHeight - 1) / 2.0, cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (var v = 0; v < patchHeight; v++)
            for (var u = 0; u < patchWidth; u++)
            {
                // patch mm offset from its centre -> rotated/scaled -> source pixels
                double du = (u - cu) * canvas.SpacingMm, dv = (v - cv) * canvas.SpacingMm;
                double mx = (cos * du - sin * dv) / scale + tx, my = (sin * du + cos * dv) / scale + ty;
                double x = mx / s.ColumnSpacing + cx, y = my / s.RowSpacing + cy;
                var i = v * patchWidth + u;
                image[i] = SliceCanvas.Bilinear(p.Normalised, w, h, x, y);
                int xi = (int)Math.Round(x), yi = (int)Math.Round(y);
                labels[i] = xi >= 0 && yi >= 0 && xi < w && yi < h ? s.Classes[yi * w + xi] : 0;
            }
        if (!augment) return;
        Intensity(image.Slice(0, patchWidth * patchHeight), patchWidth, patchHeight);
    }

    private void Intensity(Span<float> img, int pw, int ph)
    {
        // Transfer curve: piecewise linear through 5 random points (non-monotone with p 0.3 -> T1-like swaps of fluid/fat brightness).
        if (_rng.NextDouble() < 0.6)
        {
            var ys = new float[5];
            var monotone = _rng.NextDouble() < 0.7;
            for (var k = 0; k < 5; k++) ys[k] = (float)_rng.NextDouble();
            if (monotone) { Array.Sort(ys); ys[0] = 0; }
            for (var i = 0; i < img.Length; i++)
            {
                var t = Math.Clamp(img[i], 0, 1) * 4; var k = Math.Min(3, (int)t); var f = t - k;
                img[i] = ys[k] * (1 - f) + ys[k + 1] * f;
            }
        }
        if (_rng.NextDouble() < 0.25) for (var i = 0; i < img.Length; i++) img[i] = 1 - img[i];
        if (_rng.NextDouble() < 0.5)
        {
            var g = (float)Math.Exp(Uniform(Math.Log(0.6), Math.Log(1.7)));
            for (var i = 0; i < img.Length; i++) img[i] = MathF.Pow(Math.Clamp(img[i], 0, 1), g);
        }
        if (_rng.NextDouble() < 0.5)
        {
            // smooth multiplicative bias field: a random plane + quadratic in canvas coordinates
            double a = Uniform(-0.4, 0.4), b = Uniform(-0.4, 0.4), c = Uniform(-0.3, 0.3);
            for (var v = 0; v < ph; v++)
                for (var u = 0; u < pw; u++)
                {
                    double x = u / (double)pw - 0.5, y = v / (double)ph - 0.5;
                    img[v * pw + u] *= (float)Math.Exp(a * x + b * y + c * (x * x + y * y));
                }
        }
        if (_rng.NextDouble() < 0.5)
        {
            var c = (float)Uniform(0.7, 1.3); var br = (float)Uniform(-0.1, 0.1);
            for (var i = 0; i < img.Length; i++) img[i] = img[i] * c + br;
        }
        if (_rng.NextDouble() < 0.3) BoxBlur(img, pw, ph);
        if (_rng.NextDouble() < 0.4)
        {
            var sd = Uniform(0.01, 0.06);
            for (var i = 0; i < img.Length; i++) img[i] += (float)(sd * Gaussian());
        }
        // Inference normalises to the 1..99th percentile: do the same so the network sees the range it will get.
        IntensityNormalizer.Normalize(img);
    }

    private static void BoxBlur(Span<float> img, int w, int h)
    {
        var tmp = img.ToArray();
        for (var y = 1; y < h - 1; y++)
            for (var x = 1; x < w - 1; x++)
            {
                var s = 0f;
                for (var dy = -1; dy <= 1; dy++) for (var dx = -1; dx <= 1; dx++) s += tmp[(y + dy) * w + x + dx];
                img[y * w + x] = s / 9;
            }
    }

    private double Uniform(double a, double b) => a + (b - a) * _rng.NextDouble();
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());
}
