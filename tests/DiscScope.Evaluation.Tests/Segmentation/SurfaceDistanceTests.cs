using DiscScope.TestSupport;
using System.Diagnostics;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Segmentation;

public class SurfaceDistanceTests
{
    [Fact]
    public void TwoPointsWithAnisotropicSpacing()
    {
        // Single voxels are their own surfaces. Offset (3, 1, 2) voxels × spacing (0.5, 2, 3) mm = (1.5, 2, 6) mm; |·| = 6.5 mm.
        var g = ImageGeometry.Simple(10, 10, 4, 0.5, 2, 3);
        var r = SurfaceDistance.Compute(Masks.Points(g, (1, 1, 1)), Masks.Points(g, (4, 2, 3)));
        Assert.Equal(SegmentationCase.BothPresent, r.Case);
        Assert.Equal(6.5, r.HausdorffMm!.Value, 12); // one square root
        Assert.Equal(6.5, r.Hausdorff95Mm!.Value, 12);
        Assert.Equal(6.5, r.Hausdorff95MaxDirectedMm!.Value, 12);
        Assert.Equal(6.5, r.AverageSymmetricMm!.Value, 12);
    }

    [Fact]
    public void NestedSquaresHaveKnownDistances()
    {
        // Outer 7×7 square ring (24 surface voxels) around an inner 3×3 square (8 surface voxels, centre excluded), spacing 2 mm.
        // Inner-surface to outer-surface distances are 2 voxels (4 mm) along an axis; outer corners are 2√2 voxels from inner corners.
        var g = ImageGeometry.Simple(9, 9, 1, 2, 2, 1);
        var outer = Masks.Box(g, 1, 7, 1, 7);
        var inner = Masks.Box(g, 3, 5, 3, 5);
        var r = SurfaceDistance.Compute(inner, outer);
        Assert.Equal((8L, 24L), (r.PredictionSurfaceVoxels, r.ReferenceSurfaceVoxels));
        Assert.Equal(4.0, r.MeanPredictionToReferenceMm!.Value, 12); // every inner surface voxel is 2 voxels from the ring
        Assert.Equal(Math.Sqrt(32), r.HausdorffMm!.Value, 12);     // an outer corner to the inner corner: (2, 2) voxels × 2 mm
    }

    [Fact]
    public void EmptyMasksLeaveDistancesUndefined()
    {
        var g = ImageGeometry.Simple(6, 6, 1);
        var empty = new BinaryMask(g, new bool[36]);
        var box = Masks.Box(g, 1, 3, 1, 3);
        var missed = SurfaceDistance.Compute(empty, box);
        Assert.Equal(SegmentationCase.PredictionEmpty, missed.Case);
        Assert.False(missed.IsDefined);
        Assert.Null(missed.Hausdorff95Mm);
        Assert.Null(missed.AverageSymmetricMm);
        Assert.Equal((0L, 8L), (missed.PredictionSurfaceVoxels, missed.ReferenceSurfaceVoxels));
        Assert.Equal(SegmentationCase.ReferenceEmpty, SurfaceDistance.Compute(box, empty).Case);
        Assert.Equal(SegmentationCase.BothEmpty, SurfaceDistance.Compute(empty, empty).Case);
        Assert.Throws<UndefinedMetricException>(() => SurfaceDistance.Directed(box, empty));
    }

    public static TheoryData<string, int, int, int, double, double, double, int> Grids => new()
    {
        // name, size i, j, k, spacing i, j, k (mm), seed
        { "3-D anisotropic", 40, 36, 12, 0.7, 0.9, 3.3, 11 },
        { "3-D touching the border", 24, 20, 8, 1.0, 0.5, 2.0, 12 },
        { "2-D sagittal slice", 96, 80, 1, 0.55, 0.6, 4.0, 13 },
    };

    [Theory]
    [MemberData(nameof(Grids))]
    public void MatchesScipyAndMedpyDefinitions(string name, int ni, int nj, int nk, double si, double sj, double sk, int seed)
    {
        var g = ImageGeometry.Simple(ni, nj, nk, si, sj, sk);
        var radius = name.Contains("border") ? 9.0 : 7.0;
        var pred = Masks.Blobs(g, seed, 4, 2, radius);
        var refm = Masks.Blobs(g, seed + 100, 4, 2, radius);
        if (name.Contains("border")) Assert.True(TouchesBorder(pred) && TouchesBorder(refm)); // image-border voxels are surface (border_value=0)
        var peer = ReferencePeer.Run(SurfaceCase(pred, refm))[0];
        var o = Overlap.Compute(pred, refm);
        var r = SurfaceDistance.Compute(pred, refm);
        Assert.Equal(peer.GetProperty("intersection").GetInt64(), o.IntersectionVoxels);
        Assert.Equal(peer.GetProperty("dice").GetDouble(), o.Dice!.Value, 12); // same ratio of integers
        Assert.Equal(peer.GetProperty("pred_surface").GetInt64(), r.PredictionSurfaceVoxels);
        Assert.Equal(peer.GetProperty("ref_surface").GetInt64(), r.ReferenceSurfaceVoxels);
        // Exact EDTs on both sides: values differ only by rounding of sums of squares and a square root (<1e-12 mm);
        // means add ~1e3 terms, so 1e-9 mm covers accumulated rounding.
        Assert.Equal(peer.GetProperty("hd95").GetDouble(), r.Hausdorff95Mm!.Value, 1e-9);
        Assert.Equal(peer.GetProperty("hd95_monai").GetDouble(), r.Hausdorff95MaxDirectedMm!.Value, 1e-9);
        Assert.Equal(peer.GetProperty("hd").GetDouble(), r.HausdorffMm!.Value, 1e-9);
        Assert.Equal(peer.GetProperty("assd").GetDouble(), r.AverageSymmetricMm!.Value, 1e-9);
        Assert.Equal(peer.GetProperty("mean_p2r").GetDouble(), r.MeanPredictionToReferenceMm!.Value, 1e-9);
        Assert.Equal(peer.GetProperty("mean_r2p").GetDouble(), r.MeanReferenceToPredictionMm!.Value, 1e-9);
        var expected = ReferencePeer.Doubles(peer.GetProperty("p2r"));
        var actual = SurfaceDistance.Directed(pred, refm);
        Assert.Equal(expected.Length, actual.Length);
        for (var n = 0; n < expected.Length; n++) Assert.Equal(expected[n], actual[n], 1e-9); // same voxel order (C order = i fastest)
    }

    [Fact]
    public void FullSize512SliceMatchesScipyQuickly()
    {
        // A 512×512 slice at 0.4 mm with large irregular structures: the case `evaluate segmentation` meets on every slice.
        var g = ImageGeometry.Simple(512, 512, 1, 0.4, 0.45, 4);
        var pred = Masks.Blobs(g, 21, 6, 20, 90);
        var refm = Masks.Blobs(g, 22, 6, 20, 90);
        var sw = Stopwatch.StartNew();
        var r = SurfaceDistance.Compute(pred, refm);
        sw.Stop();
        var peer = ReferencePeer.Run(SurfaceCase(pred, refm))[0];
        Assert.Equal(peer.GetProperty("hd95").GetDouble(), r.Hausdorff95Mm!.Value, 1e-9); // exact EDT on both sides, see above
        Assert.Equal(peer.GetProperty("assd").GetDouble(), r.AverageSymmetricMm!.Value, 1e-9);
        // Not a benchmark (rule 9), a guard against an accidental brute-force path: linear time takes milliseconds here.
        Assert.True(sw.ElapsedMilliseconds < 5000, $"512×512 surface distance took {sw.ElapsedMilliseconds} ms");
    }

    private static bool TouchesBorder(BinaryMask m)
    {
        var g = m.Geometry;
        for (var n = 0; n < m.Voxels.Length; n++)
        {
            if (!m.Voxels[n]) continue;
            int i = n % g.SizeI, j = n / g.SizeI % g.SizeJ, k = n / (g.SizeI * g.SizeJ);
            if (i == 0 || j == 0 || k == 0 || i == g.SizeI - 1 || j == g.SizeJ - 1 || k == g.SizeK - 1) return true;
        }
        return false;
    }

    private static object SurfaceCase(BinaryMask p, BinaryMask r)
    {
        var g = p.Geometry;
        // numpy axis order is (k, j, i) for an i-fastest buffer; a one-slice grid goes as a 2-D array, as DiscScope treats it.
        var shape = g.SizeK == 1 ? new[] { g.SizeJ, g.SizeI } : [g.SizeK, g.SizeJ, g.SizeI];
        var spacing = g.SizeK == 1 ? new[] { g.Spacing.Y, g.Spacing.X } : [g.Spacing.Z, g.Spacing.Y, g.Spacing.X];
        return new { kind = "surface", shape, spacing, pred = ReferencePeer.Bits(p.Voxels), @ref = ReferencePeer.Bits(r.Voxels) };
    }
}
