using DiscScope.Imaging;

namespace DiscScope.Evaluation;

/// <summary>Per-label and merged-class segmentation metrics of a predicted label map against a reference label map.</summary>
public static class SegmentationMetrics
{
    /// <summary>
    /// Dice, HD95, Hausdorff and ASSD for each label in <paramref name="labels"/>, or, when null, for every non-zero label
    /// present in either map (ascending). Labels absent from both maps are reported with <see cref="SegmentationCase.BothEmpty"/>.
    /// </summary>
    public static IReadOnlyList<LabelMetrics> PerLabel(LabelMap prediction, LabelMap reference, IReadOnlyCollection<short>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        var set = labels is null ? prediction.Present().Union(reference.Present()).Order().ToArray() : [.. labels];
        return [.. set.Select(l =>
        {
            var p = BinaryMask.FromLabel(prediction, l);
            var r = BinaryMask.FromLabel(reference, l);
            return new LabelMetrics(l, Overlap.Compute(p, r), SurfaceDistance.Compute(p, r));
        })];
    }

    /// <summary>Dice, HD95, Hausdorff and ASSD of a merged class: foreground = any of <paramref name="labels"/> (e.g. all discs).</summary>
    public static LabelMetrics Merged(LabelMap prediction, LabelMap reference, IReadOnlyCollection<short> labels)
    {
        var p = BinaryMask.FromLabels(prediction, labels);
        var r = BinaryMask.FromLabels(reference, labels);
        return new LabelMetrics(null, Overlap.Compute(p, r), SurfaceDistance.Compute(p, r));
    }
}
