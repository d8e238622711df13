using DiscScope.Analysis.DiscGrading;
using DiscScope.Models.Onnx;
using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using DiscScope.Training.Export;
using DiscScope.Training.Trainers;
using static TorchSharp.torch;

namespace DiscScope.Training.DiscGrading;

/// <summary>Trains, applies and exports the multi-task disc grading network (one head per <see cref="GradingTask"/>).</summary>
public sealed class GradingTrainer(GradingTrainingOptions options)
{
    public GradingTrainingOptions Options { get; } = options;

    /// <summary>Geometric augmentation stays mild (crops are already disc-aligned); no flips: anterior/posterior and upper/lower endplates matter.</summary>
    public static AugmentationOptions Augmentation { get; } = new(AffineProbability: 0.6, RotationDegrees: 6, ScaleRange: 0.1, ShearDegrees: 3,
        TranslationFraction: 0.04, ElasticProbability: 0.1, ElasticAlphaPixels: 2, InversionProbability: 0);

    public static IReadOnlyList<ClassificationHead> Heads { get; } =
        [.. GradingTask.All.Select(t => new ClassificationHead(t.HeadName, [.. Enumerable.Range(0, t.Classes).Select(c => t.Grading == Domain.Reports.Grading.Pfirrmann ? (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.ToString(System.Globalization.CultureInfo.InvariantCulture))]))];

    public MultiTaskClassifier NewNetwork()
    {
        TorchRuntime.Configure(Options.Seed, Options.Threads);
        var context = Options.Recipe == GradingRecipe.Context;
        return new MultiTaskClassifier(new ClassifierOptions(Heads, InChannels: GradingInput.Channels, Stages: Options.Stages, BaseChannels: Options.BaseChannels,
            PatientContext: context, LevelInputs: context ? GradingLevelInput.Width : 0));
    }

    public static ClassificationSample ToSample(DiscSample d, DiscCropOptions crop) =>
        new(d.Image, GradingInput.Channels, crop.Height, crop.Width, [.. GradingTask.All.Select(t => t.Label(d.Labels))]);

    /// <summary>Cross-entropy class weights per head (<see cref="GradingTask.All"/> order), 1 / sqrt(class frequency) in <paramref name="train"/>.</summary>
    public static IReadOnlyList<float[]> ClassWeights(IReadOnlyList<DiscSample> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return [.. GradingTask.All.Select(t =>
        {
            var counts = new long[t.Classes];
            foreach (var d in train) counts[t.Label(d.Labels)]++;
            return ClassWeighting.FromCounts(counts, 0.5);
        })];
    }

    /// <summary>Trains a new network on <paramref name="train"/>. Classic: early-stopping on <paramref name="validation"/>, returns the best
    /// epoch's weights. Context: <see cref="PatientContextTraining"/> for the set number of epochs (the validation discs are not used).</summary>
    public MultiTaskClassifier Train(IReadOnlyList<DiscSample> train, IReadOnlyList<DiscSample> validation, DiscCropOptions crop, Action<EpochReport>? onEpoch = null,
        Action<string>? log = null)
    {
        var net = NewNetwork();
        if (Options.Recipe == GradingRecipe.Context)
        {
            PatientContextTraining.Train(net, train, crop, Options, onEpoch, log);
            return net;
        }
        var weights = ClassWeights(train).Select(w => (float[]?)w).ToList();
        var ordinal = GradingTask.All.Select(t => t.Grading == Domain.Reports.Grading.Pfirrmann ? Options.PfirrmannOrdinalWeight : 0).ToList();
        var objective = new GradingObjective(new ClassificationObjective(net, weights, Augmentation, ordinal), Options.T1DropProbability);
        var dir = Path.Combine(Path.GetTempPath(), "discscope-grading-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var trainer = new Trainer<ClassificationSample>(objective, new TrainingOptions(Options.Epochs, Options.BatchSize, Options.LearningRate,
                Seed: Options.Seed, Patience: Options.Patience, Threads: Options.Threads, CheckpointDirectory: dir, Resume: false));
            var result = trainer.Fit([.. train.Select(d => ToSample(d, crop))], [.. validation.Select(d => ToSample(d, crop))], onEpoch: onEpoch);
            if (result.BestCheckpoint is { } best && File.Exists(best)) net.load(best);
            net.eval();
            return net;
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    /// <summary>Tries of <see cref="TrainWithRetry"/>. In session 14's three parallel cross-validations of the context recipe (one thread
    /// each, 60 epochs per fold) the fault struck six times in about 1,100 epochs, and one fold needed its third and last try, so three tries were too few.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// <see cref="Train"/>, started again from scratch (at most four more times) when libtorch fails a step with a spurious native error. Such
    /// faults were seen during long cross-validations ("for integral input tensors, argument alpha must not be a floating point number"
    /// inside BatchNorm, "Unknown scalar type"); they look like TorchSharp freeing a temporary Scalar's native handle mid-call.
    /// </summary>
    public MultiTaskClassifier TrainWithRetry(IReadOnlyList<DiscSample> train, IReadOnlyList<DiscSample> validation, DiscCropOptions crop,
        Action<EpochReport>? onEpoch = null, Action<string>? log = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return Train(train, validation, crop, onEpoch, log); }
            catch (System.Runtime.InteropServices.ExternalException e) when (attempt < MaxAttempts)
            {
                log?.Invoke($"  libtorch failed ({e.Message.Split('\n')[0]}); training again from scratch (attempt {attempt + 1} of {MaxAttempts})");
            }
        }
    }

    /// <summary>Logits per head [head][sample][class] of the network on the samples (eval mode, no gradients), each crop first moved by
    /// <paramref name="shift"/> pixels (<see cref="CropShift"/>; default none) and, with <paramref name="dropT1"/>, stripped of its T1 channel
    /// (<see cref="DiscSample.WithoutT1"/>). A network with patient context or level inputs is run one patient at a time, with the discs' levels.</summary>
    public static double[][][] Logits(MultiTaskClassifier net, IReadOnlyList<DiscSample> samples, DiscCropOptions crop, int batchSize = 64, (int Dx, int Dy) shift = default,
        bool dropT1 = false)
    {
        ArgumentNullException.ThrowIfNull(net); ArgumentNullException.ThrowIfNull(samples);
        net.eval();
        var heads = net.Options.Heads.Count;
        var result = Enumerable.Range(0, heads).Select(_ => new double[samples.Count][]).ToArray();
        var perPatient = net.Options.PatientContext || net.Options.LevelInputs > 0;
        var batches = perPatient
            ? samples.Select((d, i) => (d, i)).GroupBy(e => e.d.Patient, StringComparer.Ordinal).Select(g => g.Select(e => e.i).ToArray()).ToList()
            : [.. Enumerable.Range(0, (samples.Count + batchSize - 1) / batchSize).Select(b => Enumerable.Range(b * batchSize, Math.Min(batchSize, samples.Count - b * batchSize)).ToArray())];
        using var _ = no_grad();
        foreach (var index in batches)
        {
            using var scope = NewDisposeScope();
            var batch = index.Select(i => samples[i])
                .Select(d => shift == default ? d : d with { Image = CropShift.Shift(d.Image, GradingInput.Channels, crop.Height, crop.Width, shift.Dx, shift.Dy) })
                .Select(d => dropT1 && d.HasT1 ? d.WithoutT1() : d).ToList();
            var x = Collate.Images(batch.Select(d => ToSample(d, crop)).ToList(), s => s.Image, GradingInput.Channels, crop.Height, crop.Width);
            var o = perPatient ? net.ForwardHeads(x, net.Options.LevelInputs > 0 ? PatientContextTraining.Inputs(batch).Levels : null) : net.ForwardHeads(x);
            for (var h = 0; h < heads; h++)
            {
                var z = o.Logits[h].to_type(ScalarType.Float64).data<double>().ToArray();
                var c = net.Options.Heads[h].Classes;
                for (var n = 0; n < batch.Count; n++) result[h][index[n]] = z[(n * c)..((n + 1) * c)];
            }
        }
        return result;
    }

    public static ModelMetadata Metadata(GradingTrainingOptions o, MultiTaskClassifier net, string trainingData, DiscCropOptions crop) => new(
        Name: "discscope-disc-grading", Version: "0.1.0", Task: "classification", Architecture: net.Architecture, TrainingData: trainingData,
        Normalization: new InputNormalization("none", 0, 100, crop.SpacingMm),
        LabelMap: Heads.ToDictionary(h => h.Name, h => h.Labels),
        SizeMultiple: net.SizeMultiple,
        Description: $"Multi-task disc grading on disc-aligned {crop.Width}x{crop.Height} crops at {crop.SpacingMm} mm, channels [T2, T1] (T1 zero when absent), each channel 1st..99th percentile of its whole slice mapped to 0..1."
            + (net.Options.PatientContext ? " Patient context: one run grades one patient's discs together (the batch is pooled); input \"level\" is each disc's level one-hot (IVD label 1 = L5-S1 .. 6+)." : ""),
        Licence: "Trained on SPIDER (CC BY 4.0, van der Graaf et al., Sci Data 2024): cite the paper. Research and decision support only, not a diagnosis.");

    public static void Export(MultiTaskClassifier net, string path, ModelMetadata metadata) => OnnxExporter.Export(net, path, metadata);
}
