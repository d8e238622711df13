using DiscScope.Models.Onnx;
using DiscScope.TestSupport;
using DiscScope.Training.Architectures;
using DiscScope.Training.Export;
using DiscScope.Training.Nn;
using static DiscScope.Training.Tests.TorchTestUtil;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Tests;

/// <summary>
/// Issue #4 acceptance: for each architecture, TorchSharp (eval mode) and ONNX Runtime on the exported model agree to max |diff| &lt;= 1e-4.
/// Tolerance: float32 with BatchNorm folded in double then rounded to float32; the graphs sum in different orders (oneDNN vs MLAS), so
/// agreement is to a few float32 ulps of values of magnitude ~1-10, well under 1e-4.
/// </summary>
public sealed class OnnxEquivalenceTests
{
    private const double Tolerance = 1e-4;
    private static readonly ModelMetadata Meta = new("test", "0.0.1", "test");

    [Theory]
    [InlineData(Activation.Relu, 1, Upsampling.TransposedConvolution)]
    [InlineData(Activation.LeakyRelu, 2, Upsampling.TransposedConvolution)]
    [InlineData(Activation.Relu, 1, Upsampling.NearestResizeConvolution)]
    public void UNetMatches(Activation act, int blocks, Upsampling upsampling)
    {
        using var scope = NewDisposeScope();
        var net = new UNet2d(new UNetOptions(InChannels: 2, Classes: 3, Depth: 3, BaseChannels: 8, BlocksPerLevel: blocks, Activation: act, Upsampling: upsampling));
        int[] shape = [2, 2, 32, 48];
        Randomize(net, [2, 2, 32, 48], 11);
        var x = RandomInput(5, shape);
        float[] expected;
        using (no_grad()) expected = Values(net.forward(ToTensor(x, shape)));
        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, Meta), "unet", new InferenceOptions(Threads: 2, PreferCuda: false));
        var outputs = model.Run(x, shape);
        AssertShape(outputs["logits"], 2, 3, 32, 48);
        Assert.InRange(MaxAbsDiff(expected, outputs["logits"].Data), 0, Tolerance);
        using (no_grad())
            Assert.InRange(MaxAbsDiff(Values(nn.functional.softmax(ToTensor(expected, [2, 3, 32, 48]), 1)), outputs["probabilities"].Data), 0, Tolerance);
    }

    [Fact]
    public void HeatmapNetMatches()
    {
        using var scope = NewDisposeScope();
        var net = new HeatmapNet(new HeatmapOptions(Landmarks: 4, Depth: 3, BaseChannels: 8));
        int[] shape = [1, 1, 40, 24];
        Randomize(net, [2, 1, 40, 24], 12);
        var x = RandomInput(6, shape);
        float[] expected;
        using (no_grad()) expected = Values(sigmoid(net.forward(ToTensor(x, shape))));
        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, Meta), "heatmap", new InferenceOptions(Threads: 2, PreferCuda: false));
        var outputs = model.Run(x, shape);
        AssertShape(outputs["heatmaps"], 1, 4, 40, 24);
        Assert.InRange(MaxAbsDiff(expected, outputs["heatmaps"].Data), 0, Tolerance);
    }

    [Fact]
    public void ClassifierMatchesAndCamIsExact()
    {
        using var scope = NewDisposeScope();
        ClassificationHead[] heads = [new("pfirrmann", ["I", "II", "III", "IV", "V"]), new("modic", ["0", "1", "2", "3"])];
        var net = new MultiTaskClassifier(new ClassifierOptions(heads, Stages: 3, BaseChannels: 8));
        int[] shape = [2, 1, 32, 32];
        Randomize(net, [2, 1, 32, 32], 13);
        var x = RandomInput(7, shape);
        ClassifierOutput o;
        using (no_grad()) o = net.ForwardHeads(ToTensor(x, shape));
        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, Meta), "classifier", new InferenceOptions(Threads: 2, PreferCuda: false));
        var outputs = model.Run(x, shape);
        AssertShape(outputs["features"], 2, 32, 8, 8);
        Assert.InRange(MaxAbsDiff(Values(o.Features), outputs["features"].Data), 0, Tolerance);
        for (var h = 0; h < heads.Length; h++)
        {
            var prob = outputs[heads[h].Name + "_prob"];
            AssertShape(prob, 2, heads[h].Classes);
            using (no_grad()) Assert.InRange(MaxAbsDiff(Values(nn.functional.softmax(o.Logits[h], 1)), prob.Data), 0, Tolerance);
            // CAM exactness: spatial mean of the class map + bias = logit.
            var cam = outputs[heads[h].Name + "_cam"];
            AssertShape(cam, 2, heads[h].Classes, 8, 8);
            var logits = Values(o.Logits[h]);
            var bias = Values(((TorchSharp.Modules.Linear)net.named_modules().First(m => m.name == $"heads.{h}").module).bias!);
            for (var n = 0; n < 2; n++)
                for (var c = 0; c < heads[h].Classes; c++)
                {
                    var mean = cam.Data.AsSpan(((n * heads[h].Classes) + c) * 64, 64).ToArray().Average();
                    Assert.InRange(Math.Abs(mean + bias[c] - logits[n * heads[h].Classes + c]), 0, Tolerance);
                }
        }
    }

    [Fact]
    public void PatientContextClassifierMatchesWithItsLevelInputAndOwnFeatureCam()
    {
        using var scope = NewDisposeScope();
        ClassificationHead[] heads = [new("pfirrmann", ["I", "II", "III", "IV", "V"]), new("herniation", ["0", "1"])];
        var net = new MultiTaskClassifier(new ClassifierOptions(heads, InChannels: 2, Stages: 3, BaseChannels: 8, PatientContext: true, LevelInputs: 6));
        int[] shape = [3, 2, 32, 32];
        var levels = new float[18];
        levels[0] = 1; levels[6 + 1] = 1; levels[12 + 5] = 1;
        var lv = ToTensor(levels, [3, 6]);
        torch.manual_seed(21);
        using (no_grad()) foreach (var p in net.parameters()) p.add_(randn_like(p) * 0.05);
        net.train();
        using (no_grad()) for (var i = 0; i < 3; i++) net.ForwardHeads(randn(3, 2, 32, 32) * 2 + 0.5, lv);
        net.eval();
        var x = RandomInput(8, shape);
        ClassifierOutput o;
        using (no_grad()) o = net.ForwardHeads(ToTensor(x, shape), lv);
        using var model = OnnxModel.Load(OnnxExporter.ToBytes(net, Meta), "context", new InferenceOptions(Threads: 2, PreferCuda: false));
        Assert.Equal(["image", MultiTaskClassifier.LevelInputName], model.InputNames.Order());
        Assert.Equal(DiscScope.Analysis.DiscGrading.GradingLevelInput.InputName, MultiTaskClassifier.LevelInputName); // what DiscGrader feeds
        var outputs = model.Run(new Dictionary<string, DiscScope.Models.TensorData> { ["image"] = new(x, shape), ["level"] = new(levels, 3, 6) });
        var features = Values(o.Features);
        for (var h = 0; h < heads.Length; h++)
        {
            using (no_grad()) Assert.InRange(MaxAbsDiff(Values(nn.functional.softmax(o.Logits[h], 1)), outputs[heads[h].Name + "_prob"].Data), 0, Tolerance);
            // The map is the disc's own features under the own-feature plus difference weights (columns 0..K-1 and 2K..3K-1 of the head).
            var w = Values(((TorchSharp.Modules.Linear)net.named_modules().First(m => m.name == $"heads.{h}").module).weight!);
            int k = 32, hw = 64, classes = heads[h].Classes, inputs = 3 * k + 6;
            var cam = outputs[heads[h].Name + "_cam"].Data;
            for (var n = 0; n < 3; n++)
                for (var c = 0; c < classes; c++)
                    for (var i = 0; i < hw; i += 7)
                    {
                        double expected = 0;
                        for (var f = 0; f < k; f++) expected += (w[c * inputs + f] + w[c * inputs + 2 * k + f]) * features[(n * k + f) * hw + i];
                        Assert.InRange(Math.Abs(expected - cam[(n * classes + c) * hw + i]), 0, Tolerance);
                    }
        }
    }

    [Fact]
    public void MetadataRoundTrips()
    {
        using var scope = NewDisposeScope();
        var net = new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4));
        var meta = new ModelMetadata("spine-seg", "1.2.0", "segmentation", TrainingData: "synthetic",
            Normalization: new InputNormalization("zscore", 1, 99, 0.5),
            LabelMap: new Dictionary<string, IReadOnlyList<string>> { ["labels"] = ["background", "disc"] });
        using var dir = new TempDir();
        var path = dir.File("m.onnx");
        OnnxExporter.Export(net, path, meta);
        using var cache = new OnnxModelCache(new InferenceOptions(Threads: 1, PreferCuda: false));
        var model = cache.Get(path);
        Assert.Same(model, cache.Get(path));
        var back = model.Metadata;
        Assert.Equal("spine-seg", back.Name);
        Assert.Equal("1.2.0", back.Version);
        Assert.Equal("synthetic", back.TrainingData);
        Assert.Equal(2, back.SizeMultiple);
        Assert.Equal(new InputNormalization("zscore", 1, 99, 0.5), back.Normalization);
        Assert.Equal(["background", "disc"], back.LabelMap!["labels"]);
        Assert.StartsWith("unet2d(", back.Architecture);
        Assert.Equal(["image"], model.InputNames);
        // the default options try CUDA and fall back to the CPU where ONNX Runtime has no CUDA provider (this CPU-only package)
        using var preferCuda = OnnxModel.Load(path);
        Assert.Equal("CPU", preferCuda.ExecutionProvider);
        Assert.Equal([1, 2, 8, 8], preferCuda.Run(new float[64], 1, 1, 8, 8)["logits"].Shape);
        var bad = Assert.Throws<Models.ModelException>(() => preferCuda.Run(new float[49], 1, 1, 7, 7));
        Assert.Contains("m.onnx", bad.Message);
        Assert.Contains("multiples of 2", bad.Message);
    }
}
