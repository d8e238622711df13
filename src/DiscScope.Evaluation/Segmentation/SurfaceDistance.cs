using DiscScope.Imaging;

namespace DiscScope.Evaluation;

/// <summary>
/// Surface-distance metrics (HD95, Hausdorff, ASSD) between two masks on the same grid, in mm, as pure functions.
/// Definitions are documented on <see cref="SurfaceDistanceResult"/>. Axes of size 1 are ignored when finding surfaces,
/// so a one-slice grid is treated as a 2-D image (4-connected surfaces), as scipy does for a 2-D array.
/// Work is confined to the bounding box of both masks, so a 512×512 slice with small structures costs little.
/// </summary>
public static class SurfaceDistance
{
    /// <summary>Surface-distance metrics of a prediction against a reference; throws <see cref="EvaluationException"/> if their grids differ.</summary>
    public static SurfaceDistanceResult Compute(BinaryMask prediction, BinaryMask reference)
    {
        BinaryMask.RequireSameGrid(prediction, reference);
        var c = Overlap.CaseOf(prediction.IsEmpty ? 0 : 1, reference.IsEmpty ? 0 : 1);
        if (c != SegmentationCase.BothPresent)
            return SurfaceDistanceResult.Undefined(c, SurfaceCount(prediction), SurfaceCount(reference));
        var (pToR, rToP) = DirectedPair(prediction, reference);
        var union = new double[pToR.Length + rToP.Length];
        pToR.CopyTo(union, 0);
        rToP.CopyTo(union, pToR.Length);
        Array.Sort(union);
        Array.Sort(pToR);
        Array.Sort(rToP);
        var hd95Monai = Math.Max(Percentiles.OfSorted(pToR, 95), Percentiles.OfSorted(rToP, 95));
        return new SurfaceDistanceResult(c, pToR.Length, rToP.Length,
            Percentiles.OfSorted(union, 95), hd95Monai, union[^1], Mean(union), Mean(pToR), Mean(rToP));
    }

    /// <summary>Surface-distance metrics for one label of two label maps.</summary>
    public static SurfaceDistanceResult Compute(LabelMap prediction, LabelMap reference, short label) =>
        Compute(BinaryMask.FromLabel(prediction, label), BinaryMask.FromLabel(reference, label));

    /// <summary>Surface-distance metrics for a merged class (foreground = any of <paramref name="labels"/>).</summary>
    public static SurfaceDistanceResult Compute(LabelMap prediction, LabelMap reference, IReadOnlyCollection<short> labels) =>
        Compute(BinaryMask.FromLabels(prediction, labels), BinaryMask.FromLabels(reference, labels));

    /// <summary>
    /// The directed surface distances (mm) from every surface voxel of <paramref name="from"/> to the nearest surface voxel of
    /// <paramref name="to"/>, in voxel order (i fastest); medpy's __surface_distances(from, to). Throws when either mask is empty.
    /// </summary>
    public static double[] Directed(BinaryMask from, BinaryMask to)
    {
        BinaryMask.RequireSameGrid(from, to);
        if (from.IsEmpty || to.IsEmpty) throw new UndefinedMetricException("surface distance to or from an empty mask is undefined");
        return DirectedPair(from, to).AToB;
    }

    /// <summary>The surface voxels of a mask (foreground voxels with a background or outside face-neighbour).</summary>
    public static BinaryMask Surface(BinaryMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var g = mask.Geometry;
        var o = new bool[mask.Voxels.Length];
        var n = 0;
        for (var k = 0; k < g.SizeK; k++)
            for (var j = 0; j < g.SizeJ; j++)
                for (var i = 0; i < g.SizeI; i++, n++)
                    o[n] = mask.Voxels[n] && IsSurface(mask.Voxels, g.SizeI, g.SizeJ, g.SizeK, i, j, k, n);
        return new BinaryMask(g, o);
    }

    private static long SurfaceCount(BinaryMask m) => m.IsEmpty ? 0 : Surface(m).Count;

    private static double Mean(double[] x)
    {
        var s = 0.0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    private static bool IsSurface(bool[] m, int ni, int nj, int nk, int i, int j, int k, long n)
    {
        var sj = (long)ni; var sk = (long)ni * nj;
        if (ni > 1 && (i == 0 || i == ni - 1 || !m[n - 1] || !m[n + 1])) return true;
        if (nj > 1 && (j == 0 || j == nj - 1 || !m[n - sj] || !m[n + sj])) return true;
        if (nk > 1 && (k == 0 || k == nk - 1 || !m[n - sk] || !m[n + sk])) return true;
        return false;
    }

    /// <summary>Both directed distance sets, computed on the bounding box of the two (non-empty) masks.</summary>
    private static (double[] AToB, double[] BToA) DirectedPair(BinaryMask a, BinaryMask b)
    {
        var g = a.Geometry;
        int ni = g.SizeI, nj = g.SizeJ, nk = g.SizeK;
        int i0 = ni, j0 = nj, k0 = nk, i1 = -1, j1 = -1, k1 = -1;
        long n = 0;
        for (var k = 0; k < nk; k++)
            for (var j = 0; j < nj; j++)
                for (var i = 0; i < ni; i++, n++)
                {
                    if (!a.Voxels[n] && !b.Voxels[n]) continue;
                    if (i < i0) i0 = i; if (i > i1) i1 = i;
                    if (j < j0) j0 = j; if (j > j1) j1 = j;
                    if (k < k0) k0 = k; if (k > k1) k1 = k;
                }
        // The nearest surface voxel of either mask lies inside the box of both, so the box-restricted transform is exact.
        int bi = i1 - i0 + 1, bj = j1 - j0 + 1, bk = k1 - k0 + 1;
        var sa = new bool[(long)bi * bj * bk];
        var sb = new bool[sa.Length];
        long countA = 0, countB = 0;
        var local = 0;
        for (var k = k0; k <= k1; k++)
            for (var j = j0; j <= j1; j++)
                for (var i = i0; i <= i1; i++, local++)
                {
                    var full = i + (long)ni * (j + (long)nj * k);
                    if (a.Voxels[full] && IsSurface(a.Voxels, ni, nj, nk, i, j, k, full)) { sa[local] = true; countA++; }
                    if (b.Voxels[full] && IsSurface(b.Voxels, ni, nj, nk, i, j, k, full)) { sb[local] = true; countB++; }
                }
        var sp = g.Spacing;
        var dtB = DistanceTransform.SquaredEuclidean(sb, bi, bj, bk, sp.X, sp.Y, sp.Z);
        var dtA = DistanceTransform.SquaredEuclidean(sa, bi, bj, bk, sp.X, sp.Y, sp.Z);
        var aToB = new double[countA];
        var bToA = new double[countB];
        int ca = 0, cb = 0;
        for (var x = 0; x < sa.Length; x++)
        {
            if (sa[x]) aToB[ca++] = Math.Sqrt(dtB[x]);
            if (sb[x]) bToA[cb++] = Math.Sqrt(dtA[x]);
        }
        return (aToB, bToA);
    }
}
