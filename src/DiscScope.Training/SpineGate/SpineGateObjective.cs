using DiscScope.Analysis.Mri;
using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using DiscScope.Training.Trainers;
using static TorchSharp.torch;

namespace DiscScope.Training.SpineGate;

/// <summary>
/// The gate's training objective: each epoch renders every image anew (<see cref="GateRendering.Random"/>: drawn spacing, flips), then
/// augments it (affine, intensity, bias field, noise, blur; no intensity inversion), and scores it with class-weighted cross-entropy
/// (<see cref="ClassificationObjective"/> with one two-class head).
/// </summary>
public sealed class SpineGateObjective : ITrainingObjective<GateExample>
{
    /// <summary>The head: class 0 = other image, 1 = sagittal spine MR.</summary>
    public static ClassificationHead Head { get; } = new("sagittal_spine_mr", ["other", "sagittal_spine_mr"]);

    /// <summary>Augmentation of the rendered canvas.</summary>
    public static AugmentationOptions Augmentation { get; } = new(RotationDegrees: 15, ScaleRange: 0.2, TranslationFraction: 0.1, InversionProbability: 0);

    private readonly ClassificationObjective _inner;
    private readonly Augmenter2d _augmenter = new(Augmentation);
    private readonly SliceCanvas _canvas;
    private readonly double _assumedSpacing;

    /// <param name="network">A classifier with the one head <see cref="Head"/>.</param>
    /// <param name="classWeights">Cross-entropy weights [other, spine MR].</param>
    /// <param name="canvas">The canvas (default <see cref="SpineImageGateInput.Canvas"/>).</param>
    /// <param name="assumedSpacing">Spacing (mm) of unknown-spacing images in <see cref="Evaluate"/>.</param>
    public SpineGateObjective(MultiTaskClassifier network, float[] classWeights, SliceCanvas? canvas = null, double assumedSpacing = 0.5)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Options.Heads is not [{ } h] || h.Name != Head.Name || h.Classes != Head.Classes) throw new ArgumentException($"the gate network needs exactly the head {Head}", nameof(network));
        _inner = new ClassificationObjective(network, [classWeights]);
        _canvas = canvas ?? SpineImageGateInput.Canvas;
        _assumedSpacing = assumedSpacing;
    }

    public nn.Module Model => _inner.Model;
    public string MetricName => _inner.MetricName;

    public GateExample Augment(GateExample sample, Random rng)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var x = GateRendering.Random(sample.Source, rng, _canvas);
        var a = _augmenter.Apply(x, 1, _canvas.Height, _canvas.Width, rng);
        return sample with { Canvas = a.Image };
    }

    public Tensor Loss(IReadOnlyList<GateExample> batch) => _inner.Loss([.. batch.Select(Sample)]);

    public double Evaluate(IReadOnlyList<GateExample> samples, int batchSize) => _inner.Evaluate([.. samples.Select(Sample)], batchSize);

    private ClassificationSample Sample(GateExample e) =>
        new(e.Canvas ?? GateRendering.Fixed(e.Source, _assumedSpacing, _canvas), 1, _canvas.Height, _canvas.Width, e.Source.IsSpineMr ? 1 : 0);
}
