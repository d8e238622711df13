using DiscScope.Analysis.Mri.Data;
using DiscScope.Evaluation;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri;

/// <summary>Scores a network's 3-class output on labelled slices: per slice Dice, HD95 (mm) and ASSD per class (vertebra 1, disc 2, canal 3).</summary>
public static class SliceEvaluation
{
    public static readonly short[] ClassLabels = [1, 2, 3];

    /// <summary>One case per slice (patient = the slice's patient, for clustered bootstrap). Only classes present in <paramref name="classes"/> are scored.</summary>
    public static IReadOnlyList<SegmentationCaseResult> Score(SliceSegmenter segmenter, IReadOnlyList<LabelledSlice> slices, IReadOnlyCollection<short>? classes = null) =>
        [.. Predict(segmenter, slices).Select(p => Score(p.Slice, p.Map, classes))];

    /// <summary>The network's map of every slice (slices of one size and spacing segmented together), for scoring one prediction several ways.</summary>
    public static IReadOnlyList<(LabelledSlice Slice, ClassMap2D Map)> Predict(SliceSegmenter segmenter, IReadOnlyList<LabelledSlice> slices)
    {
        var result = new List<(LabelledSlice, ClassMap2D)>();
        foreach (var group in slices.GroupBy(s => (s.Width, s.Height, s.ColumnSpacing, s.RowSpacing)))
        {
            var list = group.ToList();
            var maps = segmenter.SegmentMany([.. list.Select(s => s.Image)], group.Key.Width, group.Key.Height, group.Key.ColumnSpacing, group.Key.RowSpacing);
            for (var n = 0; n < list.Count; n++) result.Add((list[n], maps[n]));
        }
        return result;
    }

    public static SegmentationCaseResult Score(LabelledSlice s, ClassMap2D prediction, IReadOnlyCollection<short>? classes = null)
    {
        var g = ImageGeometry.Simple(s.Width, s.Height, 1, s.ColumnSpacing, s.RowSpacing);
        var p = new LabelMap(new Volume<short>(g, [.. prediction.Classes.Select(c => (short)c)]));
        var r = new LabelMap(new Volume<short>(g, [.. s.Classes.Select(c => (short)c)]));
        return new SegmentationCaseResult(s.Patient, SegmentationMetrics.PerLabel(p, r, classes ?? ClassLabels));
    }
}
