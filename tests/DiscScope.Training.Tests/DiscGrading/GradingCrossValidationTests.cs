using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class GradingCrossValidationTests
{
    private static readonly DiscCropOptions Crop = new() { Width = 16, Height = 16, SpacingMm = 1 };

    /// <summary>Twelve patients, two discs each: a bright square whose size follows the Pfirrmann grade, plus noise.</summary>
    private static List<DiscSample> Samples(bool t1ForEvenPatients = false)
    {
        var rng = new Random(3);
        var list = new List<DiscSample>();
        for (var p = 0; p < 12; p++)
            for (var ivd = 1; ivd <= 2; ivd++)
            {
                var grade = 1 + (p + ivd) % 5;
                var img = new float[GradingInput.Channels * Crop.Width * Crop.Height];
                for (var r = 0; r < Crop.Height; r++)
                    for (var c = 0; c < Crop.Width; c++)
                        img[r * Crop.Width + c] = (float)(0.1 * rng.NextDouble() + (Math.Abs(r - 8) <= grade && Math.Abs(c - 8) <= grade ? 0.8 : 0));
                var hasT1 = t1ForEvenPatients && p % 2 == 0;
                if (hasT1)
                    for (var i = 0; i < Crop.Width * Crop.Height; i++) img[Crop.Width * Crop.Height + i] = (float)(0.5 + 0.4 * rng.NextDouble());
                list.Add(new DiscSample($"P{p}", ivd, img, hasT1,
                    new GradingLabels($"P{p}", ivd, grade, (p % 4), p % 2 == 0, p % 3 == 0, p % 5 == 0, grade >= 4, grade >= 3, p % 2 == 1)));
            }
        return list;
    }

    private static GradingCrossValidation Cv() =>
        new(new GradingTrainer(new GradingTrainingOptions(Epochs: 2, BatchSize: 8, Patience: 2, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2)), Crop);

    [Fact]
    public void UnshiftedVariantMatchesAPlainRunAndShiftedOneAveragesOtherValidDistributions()
    {
        var samples = Samples();
        var plain = Cv().Run(samples, 3);
        var variants = Cv().RunVariants(samples, 3, [TestTimeShifts.None, TestTimeShifts.Cross(2)]);
        Assert.Equal(2, variants.Count);
        Assert.Equal(plain.FoldOfSample, variants[0].FoldOfSample);
        Assert.Equal(plain.FoldOfSample, variants[1].FoldOfSample);
        var differs = false;
        for (var h = 0; h < GradingTask.All.Count; h++)
            for (var n = 0; n < samples.Count; n++)
            {
                // Same seed, same data, one thread: the networks are the same, so the unshifted variant reproduces the plain run.
                Assert.Equal(plain.Probabilities[h][n], variants[0].Probabilities[h][n], (a, b) => Math.Abs(a - b) < 1e-9);
                var q = variants[1].Probabilities[h][n];
                Assert.Equal(1.0, q.Sum(), 9);
                Assert.All(q, v => Assert.InRange(v, 0, 1));
                differs |= q.Zip(plain.Probabilities[h][n]).Any(t => Math.Abs(t.First - t.Second) > 1e-6);
            }
        Assert.True(differs, "averaging over shifted copies changed no probability");
    }

    [Fact]
    public void T1DroppedVariantChangesOnlyTheDiscsThatHaveAT1()
    {
        var samples = Samples(t1ForEvenPatients: true);
        var variants = Cv().RunVariants(samples, 3, [TestTimeShifts.None, TestTimeShifts.T1Dropped]);
        var changedWithT1 = false;
        for (var h = 0; h < GradingTask.All.Count; h++)
            for (var n = 0; n < samples.Count; n++)
            {
                var (plain, averaged) = (variants[0].Probabilities[h][n], variants[1].Probabilities[h][n]);
                Assert.Equal(1.0, averaged.Sum(), 9);
                if (!samples[n].HasT1)
                    Assert.Equal(plain, averaged, (a, b) => Math.Abs(a - b) < 1e-9); // the dropped copy is the crop itself
                else
                    changedWithT1 |= averaged.Zip(plain).Any(t => Math.Abs(t.First - t.Second) > 1e-6);
            }
        Assert.True(changedWithT1, "zeroing the T1 channel changed no prediction of a disc with T1");
    }

    [Fact]
    public void RejectsAnEmptyVariantList() => Assert.Throws<ArgumentException>(() => Cv().RunVariants(Samples(), 3, []));

    [Fact]
    public void Summarise_takes_the_ordinal_decisions_it_is_given_instead_of_the_median()
    {
        // 20 discs of 10 patients, every head with both classes present; Pfirrmann probabilities uniform, so the median says class 2
        var n = 20;
        var patients = Enumerable.Range(0, n).Select(i => $"P{i / 2}").ToList();
        var truth = GradingTask.All.Select(t => Enumerable.Range(0, n).Select(i => i % t.Classes).ToArray()).ToList();
        var probabilities = GradingTask.All.Select(t => Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(1.0 / t.Classes, t.Classes).ToArray()).ToArray()).ToList();
        var median = (DiscScope.Evaluation.GradingSummary)GradingCrossValidation.Summarise(patients, truth, probabilities, new(Resamples: 50))["pfirrmann"];
        Assert.Equal(4.0 / 20, median.Accuracy!.Value, 12); // truth i % 5: four discs of class 2
        var decided = new Dictionary<string, int[]> { ["pfirrmann"] = truth[0] };
        var given = (DiscScope.Evaluation.GradingSummary)GradingCrossValidation.Summarise(patients, truth, probabilities, new(Resamples: 50), decided)["pfirrmann"];
        Assert.Equal(1.0, given.Accuracy!.Value, 12);
        Assert.Throws<ArgumentException>(() => GradingCrossValidation.Summarise(patients, truth, probabilities, new(Resamples: 50), new Dictionary<string, int[]> { ["pfirrmann"] = [1, 2] }));
    }
}
