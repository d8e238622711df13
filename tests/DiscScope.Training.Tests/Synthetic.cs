using DiscScope.Training.Trainers;

namespace DiscScope.Training.Tests;

/// <summary>Synthetic data with a known answer: bright discs on a noisy background (segmentation), a blob present or absent (classification).</summary>
internal static class Synthetic
{
    public const double BlobSigma = 3;
    public static readonly double BlobRadius = BlobSigma * Math.Sqrt(2 * Math.Log(4));

    /// <summary>A noisy image with 1-2 bright discs; labels 1 inside the discs.</summary>
    public static SegmentationSample Discs(Random rng, int size)
    {
        var img = new float[size * size]; var lab = new long[size * size];
        var n = rng.Next(1, 3);
        var discs = Enumerable.Range(0, n).Select(_ => (x: rng.Next(6, size - 6), y: rng.Next(6, size - 6), r: rng.Next(3, 6))).ToArray();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var inside = discs.Any(d => (x - d.x) * (x - d.x) + (y - d.y) * (y - d.y) <= d.r * d.r);
                lab[y * size + x] = inside ? 1 : 0;
                img[y * size + x] = (inside ? 1.5f : -0.5f) + (float)(rng.NextDouble() - 0.5) * 0.8f;
            }
        return new SegmentationSample(img, lab, 1, size, size);
    }

    /// <summary>Class 1: a bright Gaussian blob (sigma <see cref="BlobSigma"/>, peak +2.5) centred at a random place; class 0: none. Both
    /// with noise and a smooth random gradient. The blob's extent is the disc of radius <see cref="BlobRadius"/> where it adds at least a
    /// quarter of its peak.</summary>
    public static (float[] Image, int Label, int BlobX, int BlobY) Blob(Random rng, int size, bool positive)
    {
        var img = new float[size * size];
        int bx = rng.Next(6, size - 6), by = rng.Next(6, size - 6);
        var slope = (float)(rng.NextDouble() - 0.5);
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var v = slope * (x - size / 2f) / size + (float)(rng.NextDouble() - 0.5) * 0.6f;
                if (positive) v += 2.5f * (float)Math.Exp(-((x - bx) * (x - bx) + (y - by) * (y - by)) / (2 * BlobSigma * BlobSigma));
                img[y * size + x] = v;
            }
        return (img, positive ? 1 : 0, bx, by);
    }
}
