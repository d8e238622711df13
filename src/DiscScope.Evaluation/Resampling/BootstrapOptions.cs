namespace DiscScope.Evaluation;

/// <summary>Settings of a bootstrap confidence interval.</summary>
/// <param name="Resamples">Number of resamples; 2000 by default (Efron and Tibshirani recommend ≥ 1000 for percentile intervals).</param>
/// <param name="Level">Confidence level in (0, 1); 0.95 by default.</param>
/// <param name="Seed">Seed of the pseudo-random generator; equal seeds give equal intervals.</param>
/// <param name="MaxUndefinedFraction">
/// Largest fraction of resamples allowed to leave the metric undefined (they are left out of the interval, which then
/// describes the resamples on which it is defined); above it the interval is refused with <see cref="UndefinedMetricException"/>. 0.05 by default.
/// </param>
public sealed record BootstrapOptions(int Resamples = 2000, double Level = 0.95, int Seed = 12345, double MaxUndefinedFraction = 0.05)
{
    /// <summary>2000 resamples, 95 %, seed 12345, at most 5 % undefined resamples.</summary>
    public static BootstrapOptions Default { get; } = new();
}
