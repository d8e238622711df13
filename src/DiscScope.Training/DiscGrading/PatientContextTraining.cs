using System.Diagnostics;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.Architectures;
using DiscScope.Training.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Training loop of <see cref="GradingRecipe.Context"/>: batches of whole patients (so the context pooling sees every disc of a
/// patient), the level one-hot as input, the classic recipe's augmentation, T1 dropout and class weights, AdamW with a linear warm-up
/// and cosine decay per step, label-smoothed cross-entropy (plus, when <see cref="GradingTrainingOptions.PfirrmannOrdinalWeight"/> is set,
/// the Pfirrmann head's expected-grade squared error, <see cref="ClassificationObjective.ExpectedGradeSquaredError"/>), a fixed number of
/// epochs and the last epoch's weights.
/// </summary>
public static class PatientContextTraining
{
    public const double WeightDecay = 5e-4;
    public const double LabelSmoothing = 0.05;
    public const int WarmupEpochs = 2;

    /// <summary>Trains <paramref name="net"/> (built with patient context and level inputs) in place on <paramref name="train"/>.</summary>
    /// <remarks>A spurious libtorch fault (see <see cref="GradingTrainer.TrainWithRetry"/>) costs one epoch, not the run: the epoch starts
    /// again from the weights and optimizer state it began with (saved to a temporary folder), with the next batches and augmentations of
    /// the random stream; a run without faults is unchanged by this.</remarks>
    public static void Train(MultiTaskClassifier net, IReadOnlyList<DiscSample> train, DiscCropOptions crop, GradingTrainingOptions o,
        Action<EpochReport>? onEpoch = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(net); ArgumentNullException.ThrowIfNull(train); ArgumentNullException.ThrowIfNull(crop); ArgumentNullException.ThrowIfNull(o);
        if (!net.Options.PatientContext || net.Options.LevelInputs != GradingLevelInput.Width)
            throw new ArgumentException("the context recipe needs a network with patient context and level inputs", nameof(net));
        if (train.Count == 0) throw new ArgumentException("no training discs", nameof(train));
        var weights = GradingTrainer.ClassWeights(train);
        var augment = new GradingObjective(new ClassificationObjective(net, null, GradingTrainer.Augmentation), o.T1DropProbability);
        var optimizer = optim.AdamW(net.parameters(), o.LearningRate, weight_decay: WeightDecay);
        var rng = new Random(o.Seed);
        var patients = train.Select(d => d.Patient).ToList();
        var stepsPerEpoch = PatientBatches(patients, o.BatchSize, new Random(0)).Count;
        long total = (long)stepsPerEpoch * o.Epochs, step = 0;
        var dir = Directory.CreateTempSubdirectory("discscope-context-").FullName;
        try
        {
            string model = Path.Combine(dir, "epoch-start.pt"), state = Path.Combine(dir, "optimizer.pt");
            for (var epoch = 1; epoch <= o.Epochs; epoch++)
            {
                var sw = Stopwatch.StartNew();
                net.save(model); optimizer.save_state_dict(state);
                var firstStep = step;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var loss = Epoch(net, optimizer, train, crop, o, weights, augment, rng, PatientBatches(patients, o.BatchSize, rng), stepsPerEpoch, total, ref step,
                            o.PfirrmannTruncation > 0 ? SmallLossSelection.ShareAt(o.PfirrmannTruncation, epoch) : 0);
                        onEpoch?.Invoke(new EpochReport(epoch, loss, -loss, epoch == o.Epochs, sw.Elapsed.TotalSeconds));
                        break;
                    }
                    catch (System.Runtime.InteropServices.ExternalException e) when (attempt < MaxEpochAttempts)
                    {
                        // A spurious libtorch fault (see GradingTrainer.TrainWithRetry): back to the weights and optimizer state at the
                        // epoch's start, and the epoch again (with the next batches and augmentations of the random stream).
                        log?.Invoke($"  libtorch failed in epoch {epoch} ({e.Message.Split('\n')[0]}); epoch restarted from its start (try {attempt + 1} of {MaxEpochAttempts})");
                        net.load(model); optimizer.load_state_dict(state); step = firstStep;
                    }
                }
            }
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
        net.eval();
    }

    /// <summary>Tries of one epoch before the fault is passed on (to <see cref="GradingTrainer.TrainWithRetry"/>, which starts over).</summary>
    public const int MaxEpochAttempts = 5;

    private static double Epoch(MultiTaskClassifier net, optim.Optimizer optimizer, IReadOnlyList<DiscSample> train, DiscCropOptions crop, GradingTrainingOptions o,
        IReadOnlyList<float[]> weights, GradingObjective augment, Random rng, IReadOnlyList<int[]> batches, int stepsPerEpoch, long total, ref long step,
        double pfirrmannTruncation)
    {
        net.train();
        double lossSum = 0; var steps = 0;
        foreach (var batchIndex in batches)
        {
            foreach (var g in optimizer.ParamGroups) g.LearningRate = LearningRate(o.LearningRate, step++, (long)stepsPerEpoch * WarmupEpochs, total);
            using var scope = NewDisposeScope();
            var batch = batchIndex.Select(i => train[i]).ToList();
            var withoutT2 = T2Drops(batch, o.T2DropProbability, rng);
            var samples = batch.Select((d, n) => withoutT2[n] ? augment.AugmentWithoutT2(GradingTrainer.ToSample(d, crop), rng) : augment.Augment(GradingTrainer.ToSample(d, crop), rng)).ToList();
            var x = Collate.Images(samples, s => s.Image, GradingInput.Channels, crop.Height, crop.Width);
            var (levels, groups) = Inputs(batch);
            var output = net.ForwardHeads(x, levels, groups);
            Tensor? loss = null;
            for (var h = 0; h < GradingTask.All.Count; h++)
            {
                var pfirrmann = GradingTask.All[h].Grading == Domain.Reports.Grading.Pfirrmann;
                // A crop without its T2 does not train the Pfirrmann head (ignored target).
                var labels = batch.Select((d, n) => pfirrmann && withoutT2[n] ? IgnoredTarget : (long)GradingTask.All[h].Label(d.Labels)).ToArray();
                if (pfirrmann && pfirrmannTruncation > 0) labels = TruncatedLabels(output.Logits[h], labels, pfirrmannTruncation);
                var y = tensor(labels);
                var ce = pfirrmann && o.PfirrmannSoftSigma > 0
                    ? SoftOrdinalTargets.Loss(output.Logits[h], labels, weights[h], o.PfirrmannSoftSigma)
                    : nn.functional.cross_entropy(output.Logits[h], y, tensor(weights[h]), label_smoothing: LabelSmoothing);
                if (o.PfirrmannOrdinalWeight > 0 && pfirrmann)
                    ce = ce + o.PfirrmannOrdinalWeight * ClassificationObjective.ExpectedGradeSquaredError(output.Logits[h], y);
                loss = loss is null ? ce : loss + ce;
            }
            optimizer.zero_grad();
            var value = loss!.item<float>();
            if (!float.IsFinite(value)) throw new InvalidOperationException($"training loss became {value}");
            loss.backward();
            optimizer.step();
            lossSum += value; steps++;
        }
        return lossSum / Math.Max(1, steps);
    }

    /// <summary>
    /// <paramref name="labels"/> with the highest-loss <paramref name="share"/> of its known targets ignored (<see cref="SmallLossSelection"/>),
    /// ranked by each disc's unweighted label-smoothed cross-entropy (class weights would rank rare grades first).
    /// </summary>
    private static long[] TruncatedLabels(Tensor logits, long[] labels, double share)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var safe = labels.Select(l => Math.Max(0, l)).ToArray();
        var losses = nn.functional.cross_entropy(logits.detach(), tensor(safe), reduction: nn.Reduction.None, label_smoothing: LabelSmoothing).data<float>().ToArray();
        return SmallLossSelection.Truncate(losses, labels, share, IgnoredTarget);
    }

    /// <summary>The target value cross-entropy ignores (PyTorch's default ignore_index).</summary>
    public const long IgnoredTarget = -100;

    /// <summary>
    /// Which discs of a batch lose their T2 channel: each disc with a T1 crop with probability <paramref name="p"/>, but never every disc
    /// of the batch (the Pfirrmann head would have no target). Draws nothing from <paramref name="rng"/> when p is 0, so runs without T2
    /// dropout are unchanged by it.
    /// </summary>
    public static bool[] T2Drops(IReadOnlyList<DiscSample> batch, double p, Random rng)
    {
        ArgumentNullException.ThrowIfNull(batch); ArgumentNullException.ThrowIfNull(rng);
        var drops = new bool[batch.Count];
        if (p <= 0) return drops;
        for (var n = 0; n < batch.Count; n++) drops[n] = batch[n].HasT1 && rng.NextDouble() < p;
        if (drops.All(d => d)) Array.Clear(drops);
        return drops;
    }

    /// <summary>Level one-hots [N, <see cref="GradingLevelInput.Width"/>] and 0-based patient groups [N] of a batch.</summary>
    public static (Tensor Levels, Tensor Groups) Inputs(IReadOnlyList<DiscSample> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var levels = tensor(GradingLevelInput.Stack([.. batch.Select(d => d.IvdLabel)]), [batch.Count, GradingLevelInput.Width]);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var groups = batch.Select(d => ids.TryGetValue(d.Patient, out var g) ? g : ids[d.Patient] = ids.Count).ToArray();
        return (levels, tensor(groups));
    }

    /// <summary>
    /// The epoch's batches as indices into <paramref name="patients"/>: patients in a random order, each patient's samples kept together,
    /// a batch closed once it holds at least <paramref name="target"/> - 3 samples (the last one may hold fewer).
    /// </summary>
    public static IReadOnlyList<int[]> PatientBatches(IReadOnlyList<string> patients, int target, Random rng)
    {
        ArgumentNullException.ThrowIfNull(patients); ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(target, 1);
        var byPatient = patients.Select((p, i) => (p, i)).GroupBy(e => e.p, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Select(e => e.i).ToArray()).ToArray();
        rng.Shuffle(byPatient);
        var result = new List<int[]>();
        var current = new List<int>();
        foreach (var members in byPatient)
        {
            current.AddRange(members);
            if (current.Count >= Math.Max(1, target - 3)) { result.Add([.. current]); current.Clear(); }
        }
        if (current.Count > 0) result.Add([.. current]);
        return result;
    }

    /// <summary>Learning rate at <paramref name="step"/> (0-based): linear warm-up from 0 over <paramref name="warmup"/> steps, then cosine
    /// decay from <paramref name="peak"/> towards 0 at <paramref name="total"/>.</summary>
    public static double LearningRate(double peak, long step, long warmup, long total)
    {
        if (step < warmup) return peak * step / warmup;
        var span = Math.Max(1, total - warmup);
        return peak * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (step - warmup) / (double)span)));
    }
}
