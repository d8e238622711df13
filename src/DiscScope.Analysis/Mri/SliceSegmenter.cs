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
        var canvas = Network.Canvas;
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
            var probs = Network.Predict(input, n);
            Parallel.For(0, n, b => result[start + b] = BackProject(probs, b, canvas, w, h, sx, sy));
        }
        return result;
    }

    /// <summary>Arg-max of the bilinearly interpolated class probabilities at every slice pixel; outside the canvas = background.</summary>
    private static ClassMap2D BackProject(float[] probs, int b, SliceCanvas canvas, int w, int h, double sx, double sy)
    {
        var plane = canvas.Width * canvas.Height;
        const int classes = 4;
        var o = new byte[w * h];
        var chans = new ReadOnlyMemory<float>[classes];
        for (var c = 0; c < classes; c++) chans[c] = new ReadOnlyMemory<float>(probs, (b * classes + c) * plane, plane);
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var (u, v) = canvas.ToCanvas(x, y, w, h, sx, sy);
                if (u < -0.5 || v < -0.5 || u > canvas.Width - 0.5 || v > canvas.Height - 0.5) continue;
                var best = 0; var bestP = SliceCanvas.Bilinear(chans[0].Span, canvas.Width, canvas.Height, u, v);
                for (var c = 1; c < classes; c++)
                {
                    var p = SliceCanvas.Bilinear(chans[c].Span, canvas.Width, canvas.Height, u, v);
                    if (p > bestP) { bestP = p; best = c; }
                }
                o[y * w + x] = (byte)best;
            }
        return new ClassMap2D(o, w, h, sx, sy);
    }

    /// <summary>Number of network classes expected (<see cref="Structure"/>).</summary>
    public const int Classes = 4;
}
