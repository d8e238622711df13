using DiscScope.Analysis.Mri;
using DiscScope.Models.Onnx;
using DiscScope.Training.Architectures;
using DiscScope.Training.Export;
using DiscScope.Training.Trainers;
using static TorchSharp.torch;

namespace DiscScope.Training.SpineGate;

/// <summary>Trains the spine image gate (<see cref="SpineImageGate"/>) on <see cref="GateImage"/>s, predicts with it and exports it.</summary>
public sealed class SpineGateTrainer(SpineGateTrainingOptions? options = null, Action<string>? log = null)
{
    public SpineGateTrainingOptions Options { get; } = options ?? new SpineGateTrainingOptions();

    /// <summary>A trained network (eval mode), trained on the images that may be trained on (<see cref="GateImage.Trainable"/>).</summary>
    public MultiTaskClassifier Train(IReadOnlyList<GateImage> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        images = [.. images.Where(x => x.Trainable)];
        var positives = images.Count(x => x.IsSpineMr);
        if (positives == 0 || positives == images.Count) throw new ArgumentException("the gate needs images of both classes", nameof(images));
        var o = Options;
        TorchRuntime.Configure(o.Seed, o.Threads);
        var net = new MultiTaskClassifier(new ClassifierOptions([SpineGateObjective.Head], Stages: o.Stages, BaseChannels: o.BaseChannels));
        var weights = ClassWeighting.FromCounts([images.Count - positives, positives], 1.0);
        var trainer = new Trainer<GateExample>(new SpineGateObjective(net, weights),
            new TrainingOptions(o.Epochs, o.BatchSize, o.LearningRate, Seed: o.Seed, Patience: 0, Threads: o.Threads, PolyDecay: true));
        trainer.Fit([.. images.Select(x => new GateExample(x))], onEpoch: e => log?.Invoke(FormattableString.Invariant(
            $"  epoch {e.Epoch}/{o.Epochs}: loss {e.TrainLoss:F4} ({e.Seconds:F0} s)")), cancellationToken: cancellationToken);
        net.eval();
        return net;
    }

    /// <summary>P(sagittal spine MR) of each image at its stated spacing, or at <paramref name="assumedSpacing"/> mm without one.</summary>
    public static double[] Predict(MultiTaskClassifier net, IReadOnlyList<GateImage> images, double assumedSpacing, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(net); ArgumentNullException.ThrowIfNull(images);
        net.eval();
        var c = SpineImageGateInput.Canvas;
        var result = new double[images.Count];
        for (var start = 0; start < images.Count; start += batchSize)
        {
            var n = Math.Min(batchSize, images.Count - start);
            var data = new float[n * c.Width * c.Height];
            for (var i = 0; i < n; i++) GateRendering.Fixed(images[start + i], assumedSpacing).CopyTo(data, i * c.Width * c.Height);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var logits = net.ForwardHeads(tensor(data, [n, 1, c.Height, c.Width])).Logits[0];
            var p = nn.functional.softmax(logits, 1).select(1, 1).data<float>().ToArray();
            for (var i = 0; i < n; i++) result[start + i] = p[i];
        }
        return result;
    }

    /// <summary>Writes the ONNX model with DiscScope metadata (canvas spacing in the normalisation record).</summary>
    public static void Export(MultiTaskClassifier net, string path, string trainingData, string licence) =>
        OnnxExporter.Export(net, path, new ModelMetadata(
            Name: "spine-image-gate", Version: "0.1.0", Task: "classification",
            TrainingData: trainingData,
            Normalization: new InputNormalization("minmax", 1, 99, SpineImageGateInput.Canvas.SpacingMm),
            LabelMap: new Dictionary<string, IReadOnlyList<string>> { [SpineGateObjective.Head.Name] = SpineGateObjective.Head.Labels },
            Description: FormattableString.Invariant($"image gate: P(sagittal spine MR) of a slice on a {SpineImageGateInput.Canvas.Width}x{SpineImageGateInput.Canvas.Height} canvas at {SpineImageGateInput.Canvas.SpacingMm} mm"),
            Licence: licence));
}
