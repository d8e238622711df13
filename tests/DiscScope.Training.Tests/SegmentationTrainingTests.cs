using DiscScope.Models.Inference;
using DiscScope.Models.Onnx;
using DiscScope.TestSupport;
using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using DiscScope.Training.Export;
using DiscScope.Training.Trainers;

namespace DiscScope.Training.Tests;

public sealed class SegmentationTrainingTests
{
    private static List<SegmentationSample> Data(int seed, int n, int size)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Synthetic.Discs(rng, size))];
    }

    [Fact]
    public void LossFallsAndExportedModelSegmentsThroughOnnxRuntime()
    {
        TorchRuntime.Configure(1, TorchTestUtil.Threads);
        var net = new UNet2d(new UNetOptions(Classes: 2, Depth: 3, BaseChannels: 8, DeepSupervision: true));
        var train = Data(1, 32, 32);
        var val = Data(2, 8, 32);
        using var dir = new TempDir();
        var epochs = new List<EpochReport>();
        var trainer = new SegmentationTrainer(net, new TrainingOptions(Epochs: 6, BatchSize: 8, LearningRate: 3e-3, Seed: 3, Threads: TorchTestUtil.Threads,
            CheckpointDirectory: dir.File("ckpt")), augmentation: AugmentationOptions.None with { NoiseProbability = 0.5 });
        var log = new StringWriter();
        var result = trainer.Fit(train, val, new TextProgressBar(log, inPlace: false), epochs.Add);
        Assert.Equal(6, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < 0.7 * result.History[0].TrainLoss, $"loss did not fall: {string.Join(", ", result.History.Select(h => h.TrainLoss))}");
        Assert.Contains("epoch 6/6", log.ToString());
        Assert.True(File.Exists(result.BestCheckpoint));

        var path = dir.File("seg.onnx");
        OnnxExporter.Export(net, path, new ModelMetadata("synthetic-discs", "0.0.1", "segmentation",
            LabelMap: new Dictionary<string, IReadOnlyList<string>> { ["labels"] = ["background", "disc"] }));
        using var model = OnnxModel.Load(path, new InferenceOptions(Threads: 2, PreferCuda: false));
        var s = val[0];
        var probs = model.Run(s.Image, 1, 1, 32, 32)["probabilities"];
        var labels = ChannelOps.Argmax(probs.Data, 2);
        double agree = labels.Zip(s.Labels).Count(p => p.First == p.Second) / (double)labels.Length;
        Assert.True(agree > 0.9, $"pixel agreement {agree:F3}");

        // tiled inference on a larger image gives the same labels as one pass where both apply (tiles are exact multiples, no padding)
        var big = Synthetic.Discs(new Random(9), 64);
        var whole = ChannelOps.Argmax(model.Run(big.Image, 1, 1, 64, 64)["logits"].Data, 2);
        var tiled = SlidingWindow.Run(new Models.TensorData(big.Image, 1, 64, 64), t => model.Run(t)["logits"], new TileOptions(32, 32, 0.5));
        var tiledLabels = ChannelOps.Argmax(tiled.Data, 2);
        double same = whole.Zip(tiledLabels).Count(p => p.First == p.Second) / (double)whole.Length;
        Assert.True(same > 0.97, $"tiled vs whole agreement {same:F3}");
    }

    [Fact]
    public void ResumesFromCheckpointAndStopsEarly()
    {
        TorchRuntime.Configure(4, TorchTestUtil.Threads);
        var net = new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4));
        var train = Data(5, 8, 16);
        using var dir = new TempDir();
        var opts = new TrainingOptions(Epochs: 2, BatchSize: 4, Seed: 7, Threads: TorchTestUtil.Threads, CheckpointDirectory: dir.Path);
        var first = new SegmentationTrainer(net, opts).Fit(train);
        Assert.Equal(2, first.History.Count);
        var resumed = new SegmentationTrainer(new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4)), opts with { Epochs = 3 }).Fit(train);
        Assert.Equal([1, 2, 3], resumed.History.Select(h => h.Epoch));
        Assert.Equal(first.History[1].TrainLoss, resumed.History[1].TrainLoss);
        // the resumed third epoch equals the third epoch of an uninterrupted run (weights, Adam state and per-epoch shuffling restored);
        // 6 decimals: both runs are single-threaded and should agree exactly, the tolerance only absorbs printing-level float noise
        TorchRuntime.Configure(4, TorchTestUtil.Threads);
        var straight = new SegmentationTrainer(new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4)), opts with { Epochs = 3, CheckpointDirectory = null }).Fit(train);
        Assert.Equal(straight.History[2].TrainLoss, resumed.History[2].TrainLoss, 6);

        // a metric that can never improve stops after Patience epochs
        var stopped = new SegmentationTrainer(new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4)),
            new TrainingOptions(Epochs: 20, BatchSize: 4, LearningRate: 0, Patience: 2, Threads: TorchTestUtil.Threads, MinDelta: 10)).Fit(train, train);
        Assert.True(stopped.StoppedEarly);
        Assert.Equal(3, stopped.History.Count);

        // a custom validation callback replaces the objective's metric
        var calls = 0;
        var custom = new SegmentationTrainer(new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4)),
            new TrainingOptions(Epochs: 2, BatchSize: 4, Threads: TorchTestUtil.Threads, PolyDecay: true)).Fit(train, validate: () => ++calls);
        Assert.Equal(2, calls);
        Assert.Equal([1.0, 2.0], custom.History.Select(h => h.Metric));
    }

    [Fact]
    public void PatchesFromImagesOfAnySizeAndValidationOnOddSizes()
    {
        TorchRuntime.Configure(8, TorchTestUtil.Threads);
        var rng = new Random(8);
        // training images of three sizes, two smaller than the patch; validation sizes not multiples of 4
        var train = new[] { 40, 24, 20, 36 }.Select(n => Synthetic.Discs(rng, n)).ToList();
        var val = new[] { 30, 22 }.Select(n => Synthetic.Discs(rng, n)).ToList();
        var sampling = new PatchSampling(32, 32, ForegroundProbability: 1);
        var patch = sampling.Crop(train[0], new Random(1));
        Assert.Equal((32, 32), (patch.Height, patch.Width));
        Assert.Contains(1L, patch.Labels);
        var small = sampling.Crop(train[2], new Random(1));
        Assert.Equal(train[2].Labels.Count(l => l == 1), small.Labels.Count(l => l == 1)); // padded, nothing cut off
        var net = new UNet2d(new UNetOptions(Depth: 3, BaseChannels: 4));
        var result = new SegmentationTrainer(net, new TrainingOptions(Epochs: 2, BatchSize: 2, Threads: TorchTestUtil.Threads), patches: sampling).Fit(train, val);
        Assert.Equal(2, result.History.Count);
        Assert.InRange(result.History[^1].Metric, 0, 1);
        Assert.Throws<ArgumentException>(() => new SegmentationTrainer(net, patches: new PatchSampling(30, 30)));
    }
}
