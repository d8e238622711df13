using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
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
        const int w = 48, h = 48;
        var image = new float[w * h]; var classes = new byte[w * h];
        for (var y = 16; y < 32; y++)
            for (var x = 12; x < 36; x++) { image[y * w + x] = 1; classes[y * w + x] = 2; }
        var slice = new LabelledSlice("synthetic", "p1", "s1", image, classes, w, h, 1.0, 1.0);
        var o = new SegmentationTrainingOptions
        {
            Canvas = SliceCanvas.Default with { SpacingMm = canvasMm }, Steps = 2, BatchSize = 2, PatchWidth = 32, PatchHeight = 32,
            BaseChannels = 4, Depth = 3, Threads = TorchTestUtil.Threads,
        };
        var trainer = new SpineSegmentationTrainer(o);
        var net = trainer.Train([slice]);
        using var dir = new TempDir();
        var path = dir.File("seg.onnx");
        trainer.Export(net, path, "synthetic", "test");
        using var onnx = OnnxSliceNetwork.Load(path, 1);
        Assert.Equal(canvasMm, onnx.Canvas.SpacingMm, 9);
    }
}
