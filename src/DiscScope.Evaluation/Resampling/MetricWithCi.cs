namespace DiscScope.Evaluation;

/// <summary>
/// A metric's point estimate on all samples with a bootstrap percentile confidence interval (Efron and Tibshirani 1993, §13.3).
/// Serialises to JSON as flat numbers.
/// </summary>
/// <param name="Value">The metric on the full sample set, in the metric's units.</param>
/// <param name="Lower">Lower bound of the interval: the (1 − Level)/2 percentile of the bootstrap distribution (numpy linear).</param>
/// <param name="Upper">Upper bound: the (1 + Level)/2 percentile.</param>
/// <param name="N">Number of samples (e.g. discs) the metric was computed on.</param>
public sealed record MetricWithCi(double Value, double Lower, double Upper, int N)
{
    /// <summary>Confidence level, e.g. 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Number of resampled clusters (patients); equals <see cref="N"/> for sample-level resampling.</summary>
    public int Clusters { get; init; }

    /// <summary>Number of bootstrap resamples drawn.</summary>
    public int Resamples { get; init; }

    /// <summary>Resamples on which the metric was undefined (e.g. one class only) and which the interval leaves out.</summary>
    public int UndefinedResamples { get; init; }

    /// <summary>"value (95 % CI lower–upper, n = N)", invariant culture.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Value:G4} ({Level:P0} CI {Lower:G4}–{Upper:G4}, n = {N})");
}
