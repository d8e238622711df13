using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Segmentation;

/// <summary>Deterministic test masks: boxes and seeded unions of ellipsoids (blobs with irregular, non-convex surfaces).</summary>
internal static class Masks
{
    public static BinaryMask Box(ImageGeometry g, int i0, int i1, int j0, int j1, int k0 = 0, int k1 = 0)
    {
        var m = new bool[g.VoxelCount];
        for (var k = k0; k <= k1; k++)
            for (var j = j0; j <= j1; j++)
                for (var i = i0; i <= i1; i++) m[i + g.SizeI * (j + g.SizeJ * k)] = true;
        return new BinaryMask(g, m);
    }

    public static BinaryMask Points(ImageGeometry g, params (int I, int J, int K)[] points)
    {
        var m = new bool[g.VoxelCount];
        foreach (var (i, j, k) in points) m[i + g.SizeI * (j + g.SizeJ * k)] = true;
        return new BinaryMask(g, m);
    }

    /// <summary>A union of <paramref name="count"/> random ellipsoids (radii in voxels) placed by a seeded generator.</summary>
    public static BinaryMask Blobs(ImageGeometry g, int seed, int count, double minRadius, double maxRadius)
    {
        var rng = new Random(seed);
        var m = new bool[g.VoxelCount];
        for (var b = 0; b < count; b++)
        {
            double ci = rng.NextDouble() * g.SizeI, cj = rng.NextDouble() * g.SizeJ, ck = rng.NextDouble() * g.SizeK;
            double ri = minRadius + rng.NextDouble() * (maxRadius - minRadius), rj = minRadius + rng.NextDouble() * (maxRadius - minRadius);
            var rk = g.SizeK == 1 ? 1 : Math.Max(1, (minRadius + rng.NextDouble() * (maxRadius - minRadius)) * g.SizeK / g.SizeI);
            for (var k = 0; k < g.SizeK; k++)
                for (var j = 0; j < g.SizeJ; j++)
                    for (var i = 0; i < g.SizeI; i++)
                    {
                        double di = (i - ci) / ri, dj = (j - cj) / rj, dk = g.SizeK == 1 ? 0 : (k - ck) / rk;
                        if (di * di + dj * dj + dk * dk <= 1) m[i + g.SizeI * (j + g.SizeJ * k)] = true;
                    }
        }
        return new BinaryMask(g, m);
    }
}
