using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Runs a <see cref="ISliceSegmentationNetwork"/> on sagittal slices of any size and spacing: normalise, resample onto the canvas,
/// predict in batches, map the class probabilities back onto the slice grid (bilinear) and take the arg-max. With more than one
/// <paramref name="scales"/> (test-time augmentation), the canvas pixel size is multiplied by each scale in turn and the back-projected
/// probabilities are averaged before the arg-max.
/// </summary>
public sealed class SliceSegmenter(ISliceSegmentationNetwork network, int batchSize = 8, IReadOnlyList<double>? scales = null)
{
    public ISliceSegmentationNetwork Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>Canvas scales run and averaged (1 = the network's own spacing).</summary>
    public IReadOnlyList<double> Scales { get; } = scales is { Count: > 0 } ? scales : [1.0];

    /// <summary>Segments one slice (row-major w x h, spacing sx (column) and sy (row) in mm).</summary>
    public ClassMap2D Segment(float[] slice, int w, int h, double sx, double sy) => SegmentMany([slice], w, h, sx, sy)[0];

    /// <summary>Segments slices of one size and spacing.</summary>
    public IReadOnlyList<ClassMap2D> SegmentMany(IReadOnlyList<float[]> slices, int w, int h, double sx, double sy)
    {
        var normalised = new float[slices.Count][];
        Parallel.For(0, slices.Count, i =>
        {
            var s = (float[])slices[i].Clone();
            IntensityNormalizer.Normalize(s);
            normalised[i] = s;
        });
        var acc = new float[slices.Count][];
        for (var i = 0; i < acc.Length; i++) acc[i] = new float[Classes * w * h];
        var weight = 1f / Scales.Count;
        foreach (var scale in Scales)
        {
            // The canvas grows (in steps of 16 pixels) to cover the whole slice: a tall field of view must not lose its ends.
            var c0 = Network.Canvas with { SpacingMm = Network.Canvas.SpacingMm * scale };
            static int Cover(int n, double s, double c, int min) => Math.Max(min, (int)Math.Ceiling(n * s / c / 16) * 16);
            var canvas = c0 with { Width = Cover(w, sx, c0.SpacingMm, c0.Width), Height = Cover(h, sy, c0.SpacingMm, c0.Height) };
            var plane = canvas.Width * canvas.Height;
            for (var start = 0; start < slices.Count; start += batchSize)
            {
                var n = Math.Min(batchSize, slices.Count - start);
                var input = new float[n * plane];
                Parallel.For(0, n, b => canvas.Resample(normalised[start + b], w, h, sx, sy, input.AsSpan(b * plane, plane)));
                var probs = Network.Predict(input, n, canvas.Height, canvas.Width);
                Parallel.For(0, n, b => BackProject(probs, b, canvas, w, h, sx, sy, acc[start + b], weight));
            }
        }
        var result = new ClassMap2D[slices.Count];
        Parallel.For(0, slices.Count, i => result[i] = new ClassMap2D(ArgMax(acc[i], w * h), w, h, sx, sy));
        return result;
    }

    /// <summary>Adds weight x the bilinearly interpolated class probabilities at every slice pixel to <paramref name="acc"/> (class-major,
    /// Classes x h x w); pixels outside the canvas get nothing (background wins there). The canvas axes are parallel to the slice axes,
    /// so the interpolation weights separate into per-column and per-row tables.</summary>
    private static void BackProject(float[] probs, int b, SliceCanvas canvas, int w, int h, double sx, double sy, float[] acc, float weight)
    {
        int cw = canvas.Width, ch = canvas.Height, plane = cw * ch, slicePlane = w * h;
        static (int I0, int I1, float F, bool In) Axis(double t, int n)
        {
            if (t < -0.5 || t > n - 0.5) return (0, 0, 0, false);
            t = Math.Clamp(t, 0, n - 1);
            var i0 = (int)t;
            return (i0, Math.Min(i0 + 1, n - 1), (float)(t - i0), true);
        }
        var us = new (int I0, int I1, float F, bool In)[w];
        for (var x = 0; x < w; x++) us[x] = Axis(canvas.ToCanvas(x, 0, w, h, sx, sy).U, cw);
        var baseOffset = b * Classes * plane;
        for (var y = 0; y < h; y++)
        {
            var (v0, v1, fv, vin) = Axis(canvas.ToCanvas(0, y, w, h, sx, sy).V, ch);
            if (!vin) continue;
            int r0 = v0 * cw, r1 = v1 * cw;
            for (var x = 0; x < w; x++)
            {
                var (u0, u1, fu, uin) = us[x];
                if (!uin) continue;
                float w00 = (1 - fu) * (1 - fv), w01 = fu * (1 - fv), w10 = (1 - fu) * fv, w11 = fu * fv;
                for (var c = 0; c < Classes; c++)
                {
                    var off = baseOffset + c * plane;
                    acc[c * slicePlane + y * w + x] += weight * (probs[off + r0 + u0] * w00 + probs[off + r0 + u1] * w01 + probs[off + r1 + u0] * w10 + probs[off + r1 + u1] * w11);
                }
            }
        }
    }

    /// <summary>Class of highest accumulated probability per pixel (ties and all-zero pixels: the lowest class, background).</summary>
    private static byte[] ArgMax(float[] acc, int pixels)
    {
        var o = new byte[pixels];
        for (var i = 0; i < pixels; i++)
        {
            var best = 0; var bestP = acc[i];
            for (var c = 1; c < Classes; c++)
                if (acc[c * pixels + i] > bestP) { bestP = acc[c * pixels + i]; best = c; }
            o[i] = (byte)best;
        }
        return o;
    }

    /// <summary>Number of network classes expected (<see cref="Structure"/>).</summary>
    public const int Classes = 4;
}
