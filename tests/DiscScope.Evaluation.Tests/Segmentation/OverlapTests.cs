using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation.Tests.Segmentation;

public class OverlapTests
{
    [Fact]
    public void DiceOfTwoSquaresShiftedByHalfTheirWidthIsOneHalf()
    {
        // 10×10 squares overlapping in a 5×10 strip: Dice = 2·50 / (100 + 100) = 0.5; Jaccard = 50 / 150.
        var g = ImageGeometry.Simple(30, 30, 1);
        var r = Overlap.Compute(Masks.Box(g, 0, 9, 0, 9), Masks.Box(g, 5, 14, 0, 9));
        Assert.Equal(SegmentationCase.BothPresent, r.Case);
        Assert.Equal((100L, 100L, 50L), (r.PredictionVoxels, r.ReferenceVoxels, r.IntersectionVoxels));
        Assert.Equal(0.5, r.Dice);
        Assert.Equal(1.0 / 3, r.Jaccard!.Value, 15); // one rounding of a division
    }

    [Fact]
    public void EmptyMasksAreReportedByCaseNotNaN()
    {
        var g = ImageGeometry.Simple(8, 8, 1);
        var empty = new BinaryMask(g, new bool[64]);
        var box = Masks.Box(g, 1, 3, 1, 3);
        var both = Overlap.Compute(empty, empty);
        Assert.Equal(SegmentationCase.BothEmpty, both.Case);
        Assert.Null(both.Dice);
        var missed = Overlap.Compute(empty, box);
        Assert.Equal(SegmentationCase.PredictionEmpty, missed.Case);
        Assert.Equal(0.0, missed.Dice);
        var falseAlarm = Overlap.Compute(box, empty);
        Assert.Equal(SegmentationCase.ReferenceEmpty, falseAlarm.Case);
        Assert.Equal(0.0, falseAlarm.Dice);
    }

    [Fact]
    public void DifferentGridsAreRejected()
    {
        var a = new BinaryMask(ImageGeometry.Simple(4, 4, 1), new bool[16]);
        var b = new BinaryMask(ImageGeometry.Simple(4, 4, 1, 0.5, 1, 1), new bool[16]);
        Assert.Throws<EvaluationException>(() => Overlap.Compute(a, b));
    }

    [Fact]
    public void PerLabelAndMergedClassCountFromTheLabelMaps()
    {
        var g = ImageGeometry.Simple(4, 1, 1);
        var pred = new LabelMap(new Volume<short>(g, [201, 201, 202, 0]));
        var refm = new LabelMap(new Volume<short>(g, [201, 202, 202, 5]));
        var per = Overlap.PerLabel(pred, refm);
        Assert.Equal([(short)5, (short)201, (short)202], per.Select(x => x.Label));
        Assert.Equal(SegmentationCase.PredictionEmpty, per[0].Overlap.Case);
        Assert.Equal(2.0 * 1 / 3, per[1].Overlap.Dice!.Value, 15); // 201: |P|=2, |R|=1, both=1
        Assert.Equal(2.0 * 1 / 3, per[2].Overlap.Dice!.Value, 15); // 202: |P|=1, |R|=2, both=1
        var discs = Overlap.Compute(pred, refm, [201, 202]);
        Assert.Equal(1.0, discs.Dice); // merged discs cover voxels 0..2 in both maps
        Assert.Equal(per[1].Overlap, Overlap.Compute(pred, refm, (short)201));
    }
}
