using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.Architectures;
using DiscScope.Training.DiscGrading;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class PatientContextTrainingTests
{
    private static readonly DiscCropOptions Crop = new() { Width = 16, Height = 16, SpacingMm = 1 };

    [Fact]
    public void Batches_hold_whole_patients_every_sample_once_and_close_at_the_target_less_three()
    {
        var patients = Enumerable.Range(0, 40).SelectMany(p => Enumerable.Repeat($"P{p}", 3 + p % 5)).ToList();
        var batches = PatientContextTraining.PatientBatches(patients, 16, new Random(5));
        Assert.Equal(Enumerable.Range(0, patients.Count), batches.SelectMany(b => b).Order());
        var batchOfPatient = new Dictionary<string, int>();
        for (var b = 0; b < batches.Count; b++)
            foreach (var i in batches[b])
                Assert.Equal(b, batchOfPatient.TryGetValue(patients[i], out var seen) ? seen : batchOfPatient[patients[i]] = b);
        // 13 samples close a batch; a patient has at most 7, so no batch before the last exceeds 13 + 7 - 1 = 19 or falls below 13.
        foreach (var b in batches.SkipLast(1)) Assert.InRange(b.Length, 13, 19);
        Assert.Equal(batches.Select(b => b.ToList()), PatientContextTraining.PatientBatches(patients, 16, new Random(5)).Select(b => b.ToList()));
        Assert.NotEqual(batches.Select(b => b[0]), PatientContextTraining.PatientBatches(patients, 16, new Random(6)).Select(b => b[0]));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(5, 0.5e-3)]
    [InlineData(10, 1e-3)]
    [InlineData(60, 0.5e-3)] // half-way through the cosine: cos(pi / 2) = 0
    [InlineData(110, 0.0)]
    [InlineData(35, 0.8535533905932737e-3)] // a quarter through: (1 + cos(pi / 4)) / 2
    public void Learning_rate_warms_up_linearly_then_follows_a_cosine_to_zero(long step, double expected) =>
        Assert.Equal(expected, PatientContextTraining.LearningRate(1e-3, step, 10, 110), 12);

    [Fact]
    public void A_disc_logits_depend_on_its_own_patients_discs_only()
    {
        using var scope = NewDisposeScope();
        ClassificationHead[] heads = [new("pfirrmann", ["1", "2", "3", "4", "5"])];
        torch.manual_seed(3);
        var net = new MultiTaskClassifier(new ClassifierOptions(heads, InChannels: 2, Stages: 2, BaseChannels: 4, PatientContext: true, LevelInputs: 6));
        net.eval();
        var x = randn(5, 2, 16, 16);
        var levels = tensor(GradingLevelInput.Stack([1, 2, 3, 1, 2]), [5, 6]);
        var groups = tensor(new long[] { 0, 0, 0, 1, 1 });
        using var _ = no_grad();
        var together = net.ForwardHeads(x, levels, groups).Logits[0];
        var first = net.ForwardHeads(x.narrow(0, 0, 3), levels.narrow(0, 0, 3)).Logits[0];
        Assert.True(allclose(together.narrow(0, 0, 3), first, 1e-5, 1e-5));
        var changed = x.clone(); changed[4] = randn(2, 16, 16);
        var after = net.ForwardHeads(changed, levels, groups).Logits[0];
        Assert.True(allclose(after.narrow(0, 0, 3), together.narrow(0, 0, 3), 1e-6, 1e-6));
        Assert.False(allclose(after.narrow(0, 3, 1), together.narrow(0, 3, 1), 1e-4, 1e-4)); // patient 1's other disc moved it
        Assert.Throws<ArgumentException>(() => net.ForwardHeads(x)); // the level input is required
    }

    [Fact]
    public void The_context_recipe_adds_the_pfirrmann_ordinal_term_when_weighted()
    {
        // Same seed, data and first weights: the only difference is W times the expected-grade squared error, which at the start (expected
        // grade near the middle, true grades spread over 1-5) is about W * 2 per step, so a weight of 5 lifts the epoch's loss by several units.
        double FirstEpochLoss(double w)
        {
            var epochs = new List<DiscScope.Training.Trainers.EpochReport>();
            new GradingTrainer(new GradingTrainingOptions(Epochs: 1, BatchSize: 8, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2,
                PfirrmannOrdinalWeight: w, Recipe: GradingRecipe.Context)).Train(Samples(), [], Crop, epochs.Add);
            return Assert.Single(epochs).TrainLoss;
        }
        var plain = FirstEpochLoss(0);
        var ordinal = FirstEpochLoss(5);
        Assert.True(ordinal > plain + 2, $"loss {ordinal} with the ordinal term vs {plain} without");
        Assert.Equal(plain, FirstEpochLoss(0), 6); // the difference is the term, not run-to-run noise
    }

    [Fact]
    public void T2_dropout_picks_discs_with_a_t1_never_a_whole_batch_and_draws_nothing_when_off()
    {
        var samples = Samples(hasT1: p => p % 2 == 0);
        var rng = new Random(9);
        Assert.All(PatientContextTraining.T2Drops(samples, 0, rng), Assert.False);
        Assert.Equal(new Random(9).Next(), rng.Next()); // p = 0 leaves the random stream as it was
        var drops = Enumerable.Range(0, 2000).SelectMany(_ => PatientContextTraining.T2Drops(samples, 0.25, rng).Select((d, n) => (d, samples[n].HasT1))).ToList();
        Assert.DoesNotContain(drops, x => x.d && !x.HasT1);
        Assert.InRange(drops.Where(x => x.HasT1).Average(x => x.d ? 1.0 : 0), 0.23, 0.27); // binomial(18000, 0.25): sd 0.003
        var allT1 = Samples(hasT1: _ => true).Take(2).ToList();
        Assert.All(Enumerable.Range(0, 500).Select(_ => PatientContextTraining.T2Drops(allT1, 0.95, rng)), d => Assert.Contains(false, d));
    }

    [Fact]
    public void An_ignored_pfirrmann_target_leaves_the_loss_of_the_other_discs()
    {
        // PyTorch semantics the T2 dropout relies on: target -100 is left out of the weighted, label-smoothed mean.
        using var scope = NewDisposeScope();
        torch.manual_seed(1);
        var logits = randn(4, 5);
        var w = tensor(new float[] { 1, 2, 0.5f, 1, 3 });
        var kept = nn.functional.cross_entropy(logits.narrow(0, 0, 3), tensor(new long[] { 0, 4, 2 }), w, label_smoothing: 0.05);
        var ignored = nn.functional.cross_entropy(logits, tensor(new long[] { 0, 4, 2, PatientContextTraining.IgnoredTarget }), w, label_smoothing: 0.05);
        Assert.Equal(kept.item<float>(), ignored.item<float>(), 5);
    }

    [Fact]
    public void The_context_recipe_trains_with_t2_dropout()
    {
        double FirstEpochLoss(double p)
        {
            var epochs = new List<DiscScope.Training.Trainers.EpochReport>();
            new GradingTrainer(new GradingTrainingOptions(Epochs: 1, BatchSize: 8, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2,
                Recipe: GradingRecipe.Context, T2DropProbability: p)).Train(Samples(hasT1: _ => true), [], Crop, epochs.Add);
            return Assert.Single(epochs).TrainLoss;
        }
        var plain = FirstEpochLoss(0);
        var dropped = FirstEpochLoss(0.5);
        Assert.True(double.IsFinite(dropped));
        Assert.NotEqual(plain, dropped, 6);
        Assert.Equal(plain, FirstEpochLoss(0), 6);
    }

    [Fact]
    public void The_context_recipe_trains_pfirrmann_on_soft_targets_when_asked()
    {
        double FirstEpochLoss(double sigma)
        {
            var epochs = new List<DiscScope.Training.Trainers.EpochReport>();
            new GradingTrainer(new GradingTrainingOptions(Epochs: 1, BatchSize: 8, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2,
                Recipe: GradingRecipe.Context, PfirrmannSoftSigma: sigma)).Train(Samples(), [], Crop, epochs.Add);
            return Assert.Single(epochs).TrainLoss;
        }
        var plain = FirstEpochLoss(0);
        var soft = FirstEpochLoss(0.6);
        Assert.True(double.IsFinite(soft));
        // Soft targets have entropy (about 0.9 nats at sigma 0.6), so the Pfirrmann term cannot fall as low; the losses differ.
        Assert.NotEqual(plain, soft, 3);
    }

    [Fact]
    public void The_context_recipe_trains_with_pfirrmann_truncation_once_it_has_ramped_up()
    {
        IReadOnlyList<double> Losses(double share)
        {
            var epochs = new List<DiscScope.Training.Trainers.EpochReport>();
            new GradingTrainer(new GradingTrainingOptions(Epochs: 3, BatchSize: 8, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2,
                Recipe: GradingRecipe.Context, PfirrmannTruncation: share)).Train(Samples(), [], Crop, epochs.Add);
            return [.. epochs.Select(e => e.TrainLoss)];
        }
        var plain = Losses(0);
        var truncated = Losses(0.9);
        Assert.All(truncated, l => Assert.True(double.IsFinite(l)));
        // Batches of three patients hold 9 discs: in epoch 1 the ramped share (0.09) sets none aside, so nothing differs yet.
        Assert.Equal(plain[0], truncated[0], 6);
        // By epoch 3 (share 0.27: two of 9) the highest-loss Pfirrmann targets are left out, so the mean loss is lower.
        Assert.True(truncated[2] < plain[2], $"truncated {truncated[2]} vs plain {plain[2]}");
    }

    private static List<DiscSample> Samples(Func<int, bool>? hasT1 = null)
    {
        var rng = new Random(4);
        var samples = new List<DiscSample>();
        for (var p = 0; p < 6; p++)
            for (var ivd = 1; ivd <= 3; ivd++)
            {
                var grade = 1 + (p + ivd) % 5;
                var img = Enumerable.Range(0, GradingInput.Channels * Crop.Width * Crop.Height).Select(i => (float)(0.1 * rng.NextDouble() + (i % 16 < 3 * grade ? 0.5 : 0))).ToArray();
                samples.Add(new DiscSample($"P{p}", ivd, img, hasT1?.Invoke(p) ?? false, new GradingLabels($"P{p}", ivd, grade, p % 4, p % 2 == 0, p % 3 == 0, false, grade >= 4, grade >= 3, p % 2 == 1)));
            }
        return samples;
    }

    [Fact]
    public void The_context_recipe_trains_the_set_epochs_and_grades_each_patient_with_its_levels()
    {
        var rng = new Random(5);
        var samples = Samples();
        var epochs = new List<DiscScope.Training.Trainers.EpochReport>();
        var trainer = new GradingTrainer(new GradingTrainingOptions(Epochs: 3, BatchSize: 8, Threads: TorchTestUtil.Threads, BaseChannels: 4, Stages: 2, Recipe: GradingRecipe.Context));
        var net = trainer.Train(samples, [], Crop, epochs.Add);
        Assert.True(net.Options.PatientContext);
        Assert.Equal(GradingLevelInput.Width, net.Options.LevelInputs);
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.True(double.IsFinite(e.TrainLoss) && e.TrainLoss > 0));
        // Logits over several patients equal each patient's discs run alone, in the input order.
        var shuffled = samples.OrderBy(_ => rng.Next()).ToList();
        var all = GradingTrainer.Logits(net, shuffled, Crop);
        var alone = GradingTrainer.Logits(net, [.. shuffled.Where(d => d.Patient == "P2")], Crop);
        var rows = shuffled.Select((d, i) => (d, i)).Where(e => e.d.Patient == "P2").Select(e => e.i).ToList();
        for (var j = 0; j < rows.Count; j++) Assert.Equal(alone[0][j], all[0][rows[j]], (a, b) => Math.Abs(a - b) < 1e-5);
    }
}
