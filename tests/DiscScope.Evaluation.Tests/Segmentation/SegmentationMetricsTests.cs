using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Segmentation;

public class SegmentationMetricsTests
{
    private static LabelMap Map(ImageGeometry g, params (short Label, int I0, int I1, int J0, int J1)[] boxes)
    {
        var m = new LabelMap(g);
        foreach (var (l, i0, i1, j0, j1) in boxes)
            for (var j = j0; j <= j1; j++)
                for (var i = i0; i <= i1; i++) m[i, j, 0] = l;
        return m;
    }

    [Fact]
    public void PerLabelCoversLabelsOfEitherMapAndMergedClassJoinsThem()
    {
        // Two discs 4 voxels wide; in the prediction disc 202 is shifted by 2 voxels (1 mm at 0.5 mm spacing) along i.
        var g = ImageGeometry.Simple(20, 10, 1, 0.5, 0.5, 3);
        var reference = Map(g, (201, 2, 5, 1, 3), (202, 10, 13, 1, 3));
        var prediction = Map(g, (201, 2, 5, 1, 3), (202, 12, 15, 1, 3), (5, 18, 19, 8, 9));
        var per = SegmentationMetrics.PerLabel(prediction, reference);
        Assert.Equal([(short)5, (short)201, (short)202], per.Select(x => x.Label!.Value));
        Assert.Equal(SegmentationCase.ReferenceEmpty, per[0].Overlap.Case);
        Assert.False(per[0].Surface.IsDefined);
        Assert.Equal(1.0, per[1].Overlap.Dice);
        Assert.Equal(0.0, per[1].Surface.HausdorffMm);
        Assert.Equal(0.5, per[2].Overlap.Dice);             // 6 of 12 voxels shared
        Assert.Equal(1.0, per[2].Surface.HausdorffMm!.Value, 12); // the far ends are 2 voxels × 0.5 mm from the other's surface
        var requested = SegmentationMetrics.PerLabel(prediction, reference, [203]);
        Assert.Equal(SegmentationCase.BothEmpty, requested.Single().Overlap.Case);
        var discs = SegmentationMetrics.Merged(prediction, reference, [201, 202]);
        Assert.Null(discs.Label);
        Assert.Equal(2.0 * (12 + 6) / 48, discs.Overlap.Dice!.Value, 15);
    }
}
