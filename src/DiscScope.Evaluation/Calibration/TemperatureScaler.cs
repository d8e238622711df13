namespace DiscScope.Evaluation;

/// <summary>
/// A fitted temperature T (Guo et al., ICML 2017): calibrated probabilities are softmax(z / T) for logits z. T &gt; 1 softens
/// over-confident predictions, T &lt; 1 sharpens them; the arg-max class never changes.
/// </summary>
/// <param name="Temperature">T, dimensionless, &gt; 0.</param>
/// <param name="NllBefore">Mean negative log-likelihood at T = 1 on the fitting set, nats.</param>
/// <param name="NllAfter">Mean negative log-likelihood at the fitted T, nats (never above <paramref name="NllBefore"/> when 1 is in the search range).</param>
public sealed record TemperatureScaler(double Temperature, double NllBefore, double NllAfter)
{
    /// <summary>Calibrated class probabilities softmax(z / T) of one row of logits.</summary>
    public double[] Apply(ReadOnlySpan<double> logits) => TemperatureScaling.Softmax(logits, 1 / Temperature);

    /// <summary>Calibrated probabilities of rows of logits.</summary>
    public IReadOnlyList<double[]> Apply(IReadOnlyList<double[]> logits) => [.. logits.Select(z => Apply(z))];

    /// <summary>
    /// Calibrated probabilities of a row of probabilities: softmax(ln p / T) = p^(1/T) renormalised
    /// (p clipped below at <see cref="TemperatureScaling.ProbabilityFloor"/>).
    /// </summary>
    public double[] ApplyToProbabilities(ReadOnlySpan<double> probabilities) => Apply(TemperatureScaling.LogitsOf(probabilities));

    /// <summary>Calibrated probability of the positive class from a binary logit z: sigmoid(z / T).</summary>
    public double ApplyBinary(double logit) => 1 / (1 + Math.Exp(-logit / Temperature));

    /// <summary>Calibrated probability of the positive class from a binary probability p: sigmoid(logit(p) / T).</summary>
    public double ApplyBinaryToProbability(double probability)
    {
        var p = Math.Clamp(probability, TemperatureScaling.ProbabilityFloor, 1 - TemperatureScaling.ProbabilityFloor);
        return ApplyBinary(Math.Log(p / (1 - p)));
    }
}
