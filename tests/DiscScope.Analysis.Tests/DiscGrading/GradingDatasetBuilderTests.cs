using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Imaging.Processing;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.DiscGrading;

/// <summary>The grading data set is cropped as `analyze` sees the slice: SPIDER's 57_t2 is stored upside down (sacrum at the top).</summary>
public sealed class GradingDatasetBuilderTests
{
    [DataFact]
    public void An_upside_down_slice_gives_the_crops_of_its_upright_copy()
    {
        using var net = OnnxSliceNetwork.Load(Path.Combine(SharedData.RepoRoot, "models", "segmentation", "spine-seg.onnx"), 2);
        var builder = new GradingDatasetBuilder(new SpineParser(new SliceSegmenter(net)));
        var root = SharedData.Folder!;
        var stored = SpiderMidsagSlice.Load(Path.Combine(root, "spider", "midsag"), SpiderData.Overview(root), "57_t2")!;
        var upright = RowFlip.Apply(stored);

        var fromStored = builder.CropsOf(stored);
        var fromUpright = builder.CropsOf(upright);
        Assert.Contains(1, fromStored.Keys); // L5-S1 found
        Assert.Equal(fromUpright.Keys.Order(), fromStored.Keys.Order());
        foreach (var (ivd, crop) in fromUpright) Assert.Equal(crop, fromStored[ivd]);
    }
}
