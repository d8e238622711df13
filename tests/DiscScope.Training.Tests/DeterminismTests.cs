using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using DiscScope.Training.Trainers;

namespace DiscScope.Training.Tests;

public sealed class DeterminismTests
{
    private static IReadOnlyList<double> Run()
    {
        TorchRuntime.Configure(123, TorchTestUtil.Threads);
        var net = new UNet2d(new UNetOptions(Depth: 2, BaseChannels: 4));
        var rng = new Random(5);
        var data = Enumerable.Range(0, 12).Select(_ => Synthetic.Discs(rng, 16)).ToList();
        return [.. new SegmentationTrainer(net, new TrainingOptions(Epochs: 2, BatchSize: 4, Seed: 9, Threads: TorchTestUtil.Threads), augmentation: new AugmentationOptions())
            .Fit(data).History.Select(h => h.TrainLoss)];
    }

    [Fact]
    public void SameSeedSameLosses() => Assert.Equal(Run(), Run());
}
