using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.Mri;

/// <summary>The committed models/segmentation/spine-seg.onnx on data it was not trained on (FMRP volume, vesal slices).</summary>
public sealed class ShippedModelTests
{
    private static string ModelPath => Path.Combine(SharedData.RepoRoot, "models", "segmentation", "spine-seg.onnx");

    [DataFact]
    public void Fmrp_volume_discs_get_their_reference_levels()
    {
        using var net = OnnxSliceNetwork.Load(ModelPath, 2);
        var (img, levels) = FmrpData.Load(SharedData.Folder!, "case11");
        var seg = new SpineParser(new SliceSegmenter(net)).Parse(img);
        var r = DiscLevelAgreement.Compare(Assert.IsType<Imaging.LabelMap>(seg.Labels).Labels, levels);
        Assert.Equal(5, r.Discs.Count);
        Assert.True(r.Correct >= 5, $"{r.Correct}/5 discs at the right level: {string.Join(", ", r.Discs)}");
        Assert.True(r.MergedDiscDice > 0.6, $"disc Dice {r.MergedDiscDice:F3}"); // unseen data set, 4 mm slices resampled to 1 mm: a sanity floor, not the reported figure
    }

    [DataFact]
    public void Vesal_slices_are_segmented_with_plausible_dice()
    {
        using var net = OnnxSliceNetwork.Load(ModelPath, 2);
        var slices = VesalData.Slices(SharedData.Folder!).Take(6).ToList();
        var cases = SliceEvaluation.Score(new SliceSegmenter(net), slices, [2]);
        var dice = cases.SelectMany(c => c.Labels).Where(l => l.Overlap.Dice is not null).Average(l => l.Overlap.Dice!.Value);
        Assert.True(dice > 0.5, $"mean disc Dice {dice:F3}"); // unseen data with an assumed pixel spacing: a sanity floor
    }

    [DataFact]
    public void A_constant_image_is_no_spine_even_with_the_real_model()
    {
        using var net = OnnxSliceNetwork.Load(ModelPath, 2);
        var v = new Imaging.Volume<float>(Imaging.Geometry.ImageGeometry.Simple(256, 256, 1));
        Array.Fill(v.Voxels, 40f);
        Assert.Equal(NoSpineReason.EmptyImage, Assert.IsType<NoSagittalSpine>(new SpineParser(new SliceSegmenter(net)).Parse(v).Result).Kind);
    }
}
