using DiscScope.Imaging;

namespace DiscScope.Evaluation;

/// <summary>Voxel-overlap metrics (Dice, Jaccard) as pure functions of two masks on the same grid.</summary>
public static class Overlap
{
    /// <summary>Overlap of two masks; throws <see cref="EvaluationException"/> if their grids differ.</summary>
    public static OverlapResult Compute(BinaryMask prediction, BinaryMask reference)
    {
        BinaryMask.RequireSameGrid(prediction, reference);
        long p = 0, r = 0, both = 0;
        var a = prediction.Voxels; var b = reference.Voxels;
        for (var n = 0; n < a.Length; n++)
        {
            if (a[n]) { p++; if (b[n]) both++; }
            if (b[n]) r++;
        }
        return new OverlapResult(CaseOf(p, r), p, r, both);
    }

    /// <summary>Overlap for one label of two label maps.</summary>
    public static OverlapResult Compute(LabelMap prediction, LabelMap reference, short label) =>
        Compute(BinaryMask.FromLabel(prediction, label), BinaryMask.FromLabel(reference, label));

    /// <summary>Overlap for a merged class: a voxel is foreground when its label is any of <paramref name="labels"/> (e.g. all discs 201..209).</summary>
    public static OverlapResult Compute(LabelMap prediction, LabelMap reference, IReadOnlyCollection<short> labels) =>
        Compute(BinaryMask.FromLabels(prediction, labels), BinaryMask.FromLabels(reference, labels));

    /// <summary>
    /// Overlap per label for every non-zero label present in either map (ascending), computed in one pass.
    /// </summary>
    public static IReadOnlyList<LabelOverlap> PerLabel(LabelMap prediction, LabelMap reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        if (!prediction.Geometry.SameAs(reference.Geometry))
            throw new EvaluationException($"prediction grid {prediction.Geometry} differs from reference grid {reference.Geometry}; resample first");
        var counts = new SortedDictionary<short, long[]>();
        long[] Slot(short l) { if (!counts.TryGetValue(l, out var c)) counts[l] = c = new long[3]; return c; }
        var a = prediction.Labels.Voxels; var b = reference.Labels.Voxels;
        for (var n = 0; n < a.Length; n++)
        {
            var x = a[n]; var y = b[n];
            if (x != 0) { var c = Slot(x); c[0]++; if (x == y) c[2]++; }
            if (y != 0) Slot(y)[1]++;
        }
        return [.. counts.Select(kv => new LabelOverlap(kv.Key, new OverlapResult(CaseOf(kv.Value[0], kv.Value[1]), kv.Value[0], kv.Value[1], kv.Value[2])))];
    }

    internal static SegmentationCase CaseOf(long predictionVoxels, long referenceVoxels) => (predictionVoxels > 0, referenceVoxels > 0) switch
    {
        (true, true) => SegmentationCase.BothPresent,
        (false, true) => SegmentationCase.PredictionEmpty,
        (true, false) => SegmentationCase.ReferenceEmpty,
        _ => SegmentationCase.BothEmpty,
    };
}
