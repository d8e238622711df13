using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using DiscScope.Training.Trainers;

namespace DiscScope.Training.Tests;

public sealed class HeatmapTrainingTests
{
    [Fact]
    public void LandmarkLossFallsAndErrorShrinks()
    {
        TorchRuntime.Configure(31, TorchTestUtil.Threads);
        var rng = new Random(31);
        var data = Enumerable.Range(0, 24).Select(_ =>
        {
            var s = Synthetic.Discs(rng, 32);
            // landmark = centroid of the disc pixels
            double sx = 0, sy = 0; var n = 0;
            for (var i = 0; i < s.Labels.Length; i++) if (s.Labels[i] == 1) { sx += i % 32; sy += i / 32; n++; }
            return new LandmarkSample(s.Image, 1, 32, 32, [(float)(sx / n), (float)(sy / n)]);
        }).ToList();
        var net = new HeatmapNet(new HeatmapOptions(Landmarks: 1, Depth: 3, BaseChannels: 8, Sigma: 2));
        var objective = new HeatmapObjective(net, AugmentationOptions.None with { AffineProbability = 0.5, RotationDegrees = 5 });
        var result = new Trainer<LandmarkSample>(objective, new TrainingOptions(Epochs: 10, BatchSize: 8, LearningRate: 3e-3, Seed: 31, Threads: TorchTestUtil.Threads, Patience: 0))
            .Fit(data, data);
        Assert.True(result.History[^1].TrainLoss < 0.7 * result.History[0].TrainLoss, $"loss: {string.Join(", ", result.History.Select(h => h.TrainLoss))}");
        Assert.True(result.History[^1].Metric > result.History[0].Metric, $"metric: {string.Join(", ", result.History.Select(h => h.Metric))}");
    }
}
