using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Runs a <see cref="ISliceSegmentationNetwork"/> on sagittal slices of any size and spacing: normalise, resample onto the canvas,
/// predict in batches, map the class probabilities back onto the slice grid (bilinear) and take the arg-max.
/// </summary>
public sealed class SliceSegmenter(ISliceSegmentationNetwork network, int batchSize = 8)
{
    public ISliceSegmentationNetwork Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>Segments one slice (row-major w x h, spacing sx (column) and sy (row) in mm).</summary>
    public ClassMap2D Segment(float[] slice, int w, int h, double sx, double sy) => SegmentMany([slice], w, h, sx, sy)[0];

    /// <summary>Segments slices of one size and spacing.</summary>
    public IReadOnlyList<ClassMap2D> SegmentMany(IReadOnlyList<float[]> slices, int w, int h, double sx, double sy)
    {
        // The canvas grows (in steps of 16 pixels) to cover the whole slice: a tall field of view must not lose its ends.
        var c0 = Network.Canvas;
        static int Cover(int n, double s, double c, int min) => Math.Max(min, (int)Math.Ceiling(n * s / c / 16) * 16);
        var canvas = c0 with { Width = Cover(w, sx, c0.SpacingMm, c0.Width), Height = Cover(h, sy, c0.SpacingMm, c0.Height) };
        var plane = canvas.Width * canvas.Height;
        var result = new ClassMap2D[slices.Count];
        for (var start = 0; start < slices.Count; start += batchSize)
        {
            var n = Math.Min(batchSize, slices.Count - start);
            var input = new float[n * plane];
            Parallel.For(0, n, b =>
            {
                var s = (float[])slices[start + b].Clone();
                IntensityNormalizer.Normalize(s);
                canvas.Resample(s, w, h, sx, sy, input.AsSpan(b * plane, plane));
            });
            var probs = Network.Predict(input, n, canvas.Height, canvas.Width);
            Parallel.For(0, n, b => result[start + b] = BackProject(probs, b, canvas, w, h, sx, sy));
        }
        return result;
    }

    /// <summary>Arg-max of the bilinearly interpolated class probabilities at every slice pixel; outside the canvas = background.
    /// The canvas axes are parallel to the slice axes, so the interpolation weights separate into per-column and per-row tables.</summary>
    private static ClassMap2D BackProject(float[] probs, int b, SliceCanvas canvas, int w, int h, double sx, double sy)
    {
        int cw = canvas.Width, ch = canvas.Height, plane = cw * ch;
        var o = new byte[w * h];
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
                var best = 0; var bestP = float.MinValue;
                for (var c = 0; c < Classes; c++)
                {
                    var off = baseOffset + c * plane;
                    var p = probs[off + r0 + u0] * w00 + probs[off + r0 + u1] * w01 + probs[off + r1 + u0] * w10 + probs[off + r1 + u1] * w11;
                    if (p > bestP) { bestP = p; best = c; }
                }
                o[y * w + x] = (byte)best;
            }
        }
        return new ClassMap2D(o, w, h, sx, sy);
    }

    /// <summary>Number of network classes expected (<see cref="Structure"/>).</summary>
    public const int Classes = 4;
}
