using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Models;
using DiscScope.Models.Onnx;
using DiscScope.TestSupport;
using DiscScope.Training.Mri;

namespace DiscScope.Training.Tests.Mri;

public sealed class SpineSegmentationTrainerTests
{
    /// <summary>The canvas pixel size a model was trained at travels in its ONNX metadata, and inference segments at that size.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.4)]
    public void ExportedModelCarriesItsCanvasSpacing(double canvasMm)
    {
        using var dir = new TempDir();
        var path = dir.File("seg.onnx");
        TrainTiny(path, canvasMm, seed: 1);
        using var onnx = OnnxSliceNetwork.Load(path, 1);
        Assert.Equal(canvasMm, onnx.Canvas.SpacingMm, 9);
    }

    /// <summary>A model file with &lt;stem&gt;.member-*.onnx beside it loads as an ensemble whose probabilities are the mean of the members'
    /// (each member run on its own through ONNX Runtime).</summary>
    [Fact]
    public void MembersBesideTheModelAreAveraged()
    {
        using var dir = new TempDir();
        var main = dir.File("seg.onnx");
        var member = dir.File("seg.member-2.onnx");
        TrainTiny(main, 1.4, seed: 1);
        TrainTiny(member, 1.4, seed: 2);
        var input = TorchTestUtil.RandomInput(7, 2, 1, 32, 32);
        float[] Single(string path)
        {
            using var m = OnnxModel.Load(path, new InferenceOptions(1, PreferCuda: false));
            return m.Run(input, 2, 1, 32, 32)["probabilities"].Data;
        }
        var a = Single(main); var b = Single(member);
        Assert.True(TorchTestUtil.MaxAbsDiff(a, b) > 1e-3, "the two members should differ");

        using var ensemble = OnnxSliceNetwork.Load(main, 1);
        Assert.Equal(2, ensemble.MemberCount);
        var p = ensemble.Predict(input, 2, 32, 32);
        Assert.Equal(a.Length, p.Length);
        for (var i = 0; i < p.Length; i++) Assert.Equal((a[i] + b[i]) / 2, p[i], 5);

        using var alone = OnnxSliceNetwork.Load(member, 1); // a member file has no members of its own
        Assert.Equal(1, alone.MemberCount);
        Assert.Equal(b, alone.Predict(input, 2, 32, 32));
    }

    /// <summary>Members trained on different canvases cannot be averaged: loading is refused with the member named.</summary>
    [Fact]
    public void MembersOnDifferentCanvasesAreRefused()
    {
        using var dir = new TempDir();
        var main = dir.File("seg.onnx");
        TrainTiny(main, 1.4, seed: 1);
        TrainTiny(dir.File("seg.member-2.onnx"), 1.0, seed: 2);
        var e = Assert.Throws<ModelException>(() => OnnxSliceNetwork.Load(main, 1));
        Assert.Contains("seg.member-2.onnx", e.Message);
        Assert.Contains("canvas", e.Message);
    }

    private static void TrainTiny(string path, double canvasMm, int seed)
    {
        const int w = 48, h = 48;
        var image = new float[w * h]; var classes = new byte[w * h];
        for (var y = 16; y < 32; y++)
            for (var x = 12; x < 36; x++) { image[y * w + x] = 1; classes[y * w + x] = 2; }
        var slice = new LabelledSlice("synthetic", "p1", "s1", image, classes, w, h, 1.0, 1.0);
        var o = new SegmentationTrainingOptions
        {
            Canvas = SliceCanvas.Default with { SpacingMm = canvasMm }, Steps = 2, BatchSize = 2, PatchWidth = 32, PatchHeight = 32,
            BaseChannels = 4, Depth = 3, Threads = TorchTestUtil.Threads, Seed = seed,
        };
        var trainer = new SpineSegmentationTrainer(o);
        using var net = trainer.Train([slice]);
        trainer.Export(net, path, "synthetic", "test");
    }
}
