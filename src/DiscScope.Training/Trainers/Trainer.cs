using System.Diagnostics;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Generic supervised training loop: seeded shuffling and augmentation per epoch, Adam, mean loss per epoch, validation metric after
/// each epoch, early stopping, checkpoints (last.pt, best.pt, optimizer.pt, state.json) and resumption from them.
/// </summary>
public sealed class Trainer<TSample>
{
    private readonly ITrainingObjective<TSample> _objective;

    public Trainer(ITrainingObjective<TSample> objective, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _objective = objective;
        Options = options ?? new TrainingOptions();
        if (Options.BatchSize < 1 || Options.Epochs < 1) throw new ArgumentException($"invalid training options {Options}");
    }

    public TrainingOptions Options { get; }

    private sealed record State(int Epoch, int BestEpoch, double BestMetric, int EpochsWithoutImprovement, List<EpochReport> History);

    /// <summary>Trains on <paramref name="train"/>; after each epoch computes the validation metric (higher is better) that drives
    /// early stopping and best.pt.</summary>
    /// <param name="train">Training samples (one shape per batch).</param>
    /// <param name="validation">Validation samples for the objective's metric; null or empty = minus the epoch's training loss.</param>
    /// <param name="progress">Told after every step (e.g. <see cref="TextProgressBar"/>).</param>
    /// <param name="onEpoch">Called after every epoch, after checkpoints are written.</param>
    /// <param name="cancellationToken">Stops between steps (checkpoints of finished epochs stay).</param>
    /// <param name="validate">Custom validation metric (higher is better), called with the network in eval mode under no_grad inside a
    /// dispose scope; replaces the objective's metric on <paramref name="validation"/>.</param>
    public TrainingResult Fit(IReadOnlyList<TSample> train, IReadOnlyList<TSample>? validation = null, IProgress<TrainingProgress>? progress = null,
        Action<EpochReport>? onEpoch = null, CancellationToken cancellationToken = default, Func<double>? validate = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0) throw new ArgumentException("no training samples", nameof(train));
        var o = Options;
        TorchRuntime.Configure(o.Seed, o.Threads);
        var model = _objective.Model;
        var optimizer = optim.Adam(model.parameters(), o.LearningRate, weight_decay: o.WeightDecay);
        var state = new State(0, 0, double.NegativeInfinity, 0, []);
        string? dir = o.CheckpointDirectory;
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
            var statePath = Path.Combine(dir, "state.json");
            if (o.Resume && File.Exists(statePath))
            {
                state = JsonSerializer.Deserialize<State>(File.ReadAllText(statePath)) ?? state;
                model.load(Path.Combine(dir, "last.pt"));
                optimizer.load_state_dict(Path.Combine(dir, "optimizer.pt"));
            }
        }
        var steps = (train.Count + o.BatchSize - 1) / o.BatchSize;
        if (o.StepsPerEpoch > 0) steps = Math.Min(steps, o.StepsPerEpoch);
        var stoppedEarly = false;
        for (var epoch = state.Epoch + 1; epoch <= o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            if (o.PolyDecay)
                foreach (var g in optimizer.ParamGroups) g.LearningRate = o.LearningRate * Math.Pow(1 - (epoch - 1) / (double)o.Epochs, 0.9);
            var rng = new Random(HashCode.Combine(o.Seed, epoch));
            var order = Enumerable.Range(0, train.Count).ToArray();
            rng.Shuffle(order);
            model.train();
            double lossSum = 0;
            for (var s = 0; s < steps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = new List<TSample>(o.BatchSize);
                for (var i = s * o.BatchSize; i < Math.Min(train.Count, (s + 1) * o.BatchSize); i++) batch.Add(_objective.Augment(train[order[i]], rng));
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var loss = _objective.Loss(batch);
                    var value = loss.item<float>();
                    if (!float.IsFinite(value)) throw new InvalidOperationException($"training loss became {value} at epoch {epoch}, step {s + 1}");
                    loss.backward();
                    optimizer.step();
                    lossSum += value;
                }
                progress?.Report(new TrainingProgress(epoch, o.Epochs, s + 1, steps, lossSum / (s + 1), state.BestEpoch > 0 ? state.BestMetric : null, _objective.MetricName));
            }
            var trainLoss = lossSum / steps;
            double metric;
            model.eval();
            using (var scope = NewDisposeScope())
            using (no_grad())
                metric = validate is not null ? validate()
                    : validation is { Count: > 0 } ? _objective.Evaluate(validation, o.BatchSize) : -trainLoss;
            if (!double.IsFinite(metric)) throw new InvalidOperationException($"validation metric is {metric} after epoch {epoch}");
            model.train();
            var improved = metric > state.BestMetric + o.MinDelta || state.BestEpoch == 0;
            var report = new EpochReport(epoch, trainLoss, metric, improved, sw.Elapsed.TotalSeconds);
            state.History.Add(report);
            state = improved
                ? state with { Epoch = epoch, BestEpoch = epoch, BestMetric = metric, EpochsWithoutImprovement = 0 }
                : state with { Epoch = epoch, EpochsWithoutImprovement = state.EpochsWithoutImprovement + 1 };
            if (dir is not null)
            {
                // each file is written beside and renamed into place, state.json last, so a run killed mid-write resumes consistently
                if (improved) Atomic(Path.Combine(dir, "best.pt"), p => model.save(p));
                Atomic(Path.Combine(dir, "last.pt"), p => model.save(p));
                Atomic(Path.Combine(dir, "optimizer.pt"), optimizer.save_state_dict);
                Atomic(Path.Combine(dir, "state.json"), p => File.WriteAllText(p, JsonSerializer.Serialize(state)));
            }
            onEpoch?.Invoke(report);
            if (o.Patience > 0 && state.EpochsWithoutImprovement >= o.Patience) { stoppedEarly = true; break; }
        }
        model.eval();
        return new TrainingResult(state.History, state.BestEpoch, state.BestMetric, stoppedEarly, dir is null ? null : Path.Combine(dir, "best.pt"));
    }

    private static void Atomic(string path, Action<string> write)
    {
        var tmp = path + ".tmp";
        write(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
