namespace DiscScope.Evaluation;

/// <summary>Wilson score interval of a binomial proportion (Wilson 1927; Newcombe 1998, method 3): good coverage near 0 and 1, where
/// the Wald interval fails, and defined for 0 of n and n of n.</summary>
public static class WilsonInterval
{
    /// <summary>(low, high) for <paramref name="successes"/> of <paramref name="trials"/> at two-sided normal quantile <paramref name="z"/>
    /// (1.959964 for 95 %).</summary>
    public static (double Low, double High) Of(int successes, int trials, double z = 1.959963984540054)
    {
        if (trials <= 0) throw new UndefinedMetricException("a proportion of no trials is undefined");
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"must lie in 0..{trials}");
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }
}
