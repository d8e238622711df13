using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Synthetic;
using DiscScope.TestSupport;
using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class SpineGateTrainerTests
{
    private static IReadOnlyList<GateImage> Images()
    {
        var spines = Enumerable.Range(0, 6).Select(n =>
        {
            var ph = LumbarPhantom.Create(new PhantomOptions { Seed = n, Columns = 160, Rows = 200, Slices = 1, PixelSpacing = 1.4 });
            return new GateImage("phantom", $"p{n}", $"p{n}", ph.Image.Voxels, 160, 200, 1.4, 1.4, true);
        });
        return [.. spines, .. SyntheticNegatives.Create(6, seed: 1, size: 96)];
    }

    [Fact]
    public void A_trained_gate_exports_to_ONNX_and_the_runtime_gives_the_network_s_probabilities()
    {
        var images = Images();
        var net = new SpineGateTrainer(new SpineGateTrainingOptions(Epochs: 2, BatchSize: 4, Stages: 2, BaseChannels: 4, Threads: TorchTestUtil.Threads)).Train(images);
        var torch = SpineGateTrainer.Predict(net, images, assumedSpacing: 0.5);
        using var dir = new TempDir();
        var path = System.IO.Path.Combine(dir.Path, "gate.onnx");
        SpineGateTrainer.Export(net, path, "test images", "test");
        using var gate = SpineImageGate.Load(path);
        Assert.Equal(SpineImageGateInput.Canvas, gate.Canvas);
        for (var i = 0; i < images.Count; i++)
        {
            var x = images[i];
            var s = x.SpacingKnown ? x.ColumnSpacing!.Value : 0.5;
            var p = gate.Probability(x.Pixels, x.Width, x.Height, s, s);
            Assert.InRange(p, 0, 1);
            Assert.Equal(torch[i], p, 4);
            var refusal = gate.Check(x.Pixels, x.Width, x.Height, s, s);
            Assert.Equal(p < SpineImageGate.DefaultThreshold, refusal is not null);
            if (refusal is not null) Assert.Equal(NoSpineReason.NotSpineImage, refusal.Kind);
        }
    }

    [Fact]
    public void Training_needs_both_classes() =>
        Assert.Throws<ArgumentException>(() => new SpineGateTrainer().Train(SyntheticNegatives.Create(4, seed: 1, size: 32)));

    /// <summary>Images that may not be trained on are left out before anything else: with them the set has both classes, without them
    /// only one, so training is refused.</summary>
    [Fact]
    public void Images_that_may_not_be_trained_on_are_left_out()
    {
        var spines = Images().Where(x => x.IsSpineMr).ToList();
        var external = SyntheticNegatives.Create(4, seed: 2, size: 32).Select(x => x with { Trainable = false });
        var e = Assert.Throws<ArgumentException>(() => new SpineGateTrainer(new SpineGateTrainingOptions(Epochs: 1, Threads: TorchTestUtil.Threads)).Train([.. spines, .. external]));
        Assert.Contains("both classes", e.Message);
    }
}
