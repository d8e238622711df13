using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Soft ordinal targets for a graded head (label distribution learning): the reference grade y becomes the distribution
/// q_c ∝ exp(−(c − y)² / 2σ²) over the classes, so a prediction one grade off costs less than one several grades off, and a noisy
/// reference (raters disagree by a grade) weighs less. σ → 0 gives the one-hot target.
/// </summary>
public static class SoftOrdinalTargets
{
    /// <summary>The target distribution of grade <paramref name="grade"/> (0-based) over <paramref name="classes"/> classes.</summary>
    public static float[] Of(int grade, int classes, double sigma)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "at least two classes");
        if (grade < 0 || grade >= classes) throw new ArgumentOutOfRangeException(nameof(grade), grade, $"grade outside 0..{classes - 1}");
        if (!(sigma > 0) || double.IsInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be positive and finite");
        var q = new double[classes];
        for (var c = 0; c < classes; c++) q[c] = Math.Exp(-(c - grade) * (c - grade) / (2 * sigma * sigma));
        var sum = q.Sum();
        return [.. q.Select(v => (float)(v / sum))];
    }

    /// <summary>
    /// Mean soft-target cross-entropy −Σ_c q_c log softmax(z)_c over the samples with a known label (label ≥ 0; e.g. -100 is left out),
    /// each weighted by its reference class's weight and divided by the sum of those weights, as PyTorch's weighted cross-entropy does
    /// for hard labels. A batch without a known label gives a differentiable zero.
    /// </summary>
    public static Tensor Loss(Tensor logits, IReadOnlyList<long> labels, IReadOnlyList<float> classWeights, double sigma)
    {
        ArgumentNullException.ThrowIfNull(logits); ArgumentNullException.ThrowIfNull(labels); ArgumentNullException.ThrowIfNull(classWeights);
        var classes = (int)logits.shape[1];
        if (labels.Count != logits.shape[0]) throw new ArgumentException($"{labels.Count} labels for {logits.shape[0]} rows", nameof(labels));
        var q = new float[labels.Count * classes];
        var w = new float[labels.Count];
        for (var n = 0; n < labels.Count; n++)
        {
            if (labels[n] < 0) continue;
            Of((int)labels[n], classes, sigma).CopyTo(q, n * classes);
            w[n] = classWeights[(int)labels[n]];
        }
        var wSum = w.Sum();
        if (wSum <= 0) return logits.sum() * 0;
        var perSample = -(tensor(q, [labels.Count, classes]) * nn.functional.log_softmax(logits, 1)).sum(1);
        return (perSample * tensor(w)).sum() / wSum;
    }
}
