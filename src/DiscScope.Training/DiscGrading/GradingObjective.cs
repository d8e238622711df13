using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.Trainers;
using static TorchSharp.torch;

namespace DiscScope.Training.DiscGrading;

/// <summary>The <see cref="ClassificationObjective"/> plus T1-channel dropout: with probability p a training crop loses its T1 channel
/// (and, for <see cref="AugmentWithoutT2"/>, the T2-channel dropout of the context recipe).</summary>
public sealed class GradingObjective(ClassificationObjective inner, double t1DropProbability) : ITrainingObjective<ClassificationSample>
{
    public nn.Module Model => inner.Model;
    public string MetricName => inner.MetricName;
    public Tensor Loss(IReadOnlyList<ClassificationSample> batch) => inner.Loss(batch);
    public double Evaluate(IReadOnlyList<ClassificationSample> samples, int batchSize) => inner.Evaluate(samples, batchSize);

    public ClassificationSample Augment(ClassificationSample sample, Random rng)
    {
        var a = inner.Augment(sample, rng);
        if (rng.NextDouble() >= t1DropProbability || a.Channels != GradingInput.Channels) return a;
        return Cleared(a, channel: 1);
    }

    /// <summary>The augmented crop with its T2 channel (channel 0) zeroed and its T1 kept (no T1 dropout).</summary>
    public ClassificationSample AugmentWithoutT2(ClassificationSample sample, Random rng)
    {
        var a = inner.Augment(sample, rng);
        if (a.Channels != GradingInput.Channels) throw new ArgumentException($"a crop of {a.Channels} channels has no T1 to keep", nameof(sample));
        return Cleared(a, channel: 0);
    }

    private static ClassificationSample Cleared(ClassificationSample a, int channel)
    {
        var img = (float[])a.Image.Clone();
        var plane = a.Height * a.Width;
        Array.Clear(img, channel * plane, plane);
        return new ClassificationSample(img, a.Channels, a.Height, a.Width, a.Labels);
    }
}
