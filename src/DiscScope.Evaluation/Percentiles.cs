namespace DiscScope.Evaluation;

/// <summary>Order statistics shared by the metrics: numpy.percentile's default (method="linear", Hyndman-Fan type 7).</summary>
internal static class Percentiles
{
    /// <summary>The p-th percentile (0..100) of ascending-sorted values: position h = (n − 1)·p/100, linear between neighbours.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) throw new EvaluationException("percentile of an empty set");
        if (!(p >= 0 && p <= 100)) throw new EvaluationException($"percentile {p} outside [0, 100]");
        var h = (sorted.Length - 1) * (p / 100);
        var lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        var t = h - lo;
        return sorted[lo] + t * (sorted[lo + 1] - sorted[lo]);
    }
}
