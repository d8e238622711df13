namespace DiscScope.Evaluation;

/// <summary>
/// Seeded non-parametric bootstrap percentile confidence intervals of any metric, resampling either samples or whole
/// clusters (patients: all discs of a drawn patient enter the resample together, so within-patient correlation widens the
/// interval as it should). Deterministic: the same samples, metric and seed give the same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>Interval resampling individual samples with replacement (samples assumed independent).</summary>
    /// <param name="samples">The evaluation samples (e.g. one per disc).</param>
    /// <param name="metric">
    /// The metric of a sample set; throws <see cref="UndefinedMetricException"/> where it is undefined. The list it is given
    /// is reused between resamples: read it during the call, do not keep it.
    /// </param>
    /// <param name="options">Resamples, level, seed.</param>
    public static MetricWithCi PercentileCi<T>(IReadOnlyList<T> samples, Func<IReadOnlyList<T>, double> metric, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Run(samples, [.. Enumerable.Range(0, samples.Count).Select(n => new[] { n })], metric, options ?? BootstrapOptions.Default);
    }

    /// <summary>
    /// Interval resampling clusters with replacement (cluster bootstrap; Field and Welsh 2007): each resample draws as many
    /// clusters as there are, and takes every sample of each drawn cluster.
    /// </summary>
    /// <param name="samples">The evaluation samples.</param>
    /// <param name="clusterOf">The cluster (patient) of a sample.</param>
    /// <param name="metric">The metric of a sample set; throws <see cref="UndefinedMetricException"/> where it is undefined.</param>
    /// <param name="options">Resamples, level, seed.</param>
    public static MetricWithCi PercentileCi<T, TKey>(IReadOnlyList<T> samples, Func<T, TKey> clusterOf, Func<IReadOnlyList<T>, double> metric,
        BootstrapOptions? options = null) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(clusterOf);
        var groups = new Dictionary<TKey, List<int>>();
        var order = new List<TKey>();
        for (var n = 0; n < samples.Count; n++)
        {
            var key = clusterOf(samples[n]);
            if (!groups.TryGetValue(key, out var list)) { groups[key] = list = []; order.Add(key); }
            list.Add(n);
        }
        return Run(samples, [.. order.Select(k => groups[k].ToArray())], metric, options ?? BootstrapOptions.Default);
    }

    /// <summary>
    /// Interval of the difference of a metric between two subgroups of the samples (first minus second), resampling clusters of the
    /// whole set: each resample draws patients as <see cref="PercentileCi{T, TKey}"/> does and evaluates the metric on that resample's
    /// members of each subgroup. The subgroups may overlap in patients (e.g. disc levels) or not (e.g. scanner vendor); either way the
    /// interval reflects the dependence the clusters carry. A resample in which either subgroup's metric is undefined is left out.
    /// </summary>
    /// <param name="samples">The evaluation samples.</param>
    /// <param name="clusterOf">The cluster (patient) of a sample.</param>
    /// <param name="inFirst">Whether a sample belongs to the first subgroup.</param>
    /// <param name="inSecond">Whether a sample belongs to the second subgroup.</param>
    /// <param name="metric">The metric of a sample set; throws <see cref="UndefinedMetricException"/> where it is undefined.</param>
    /// <param name="options">Resamples, level, seed.</param>
    public static MetricWithCi DifferenceCi<T, TKey>(IReadOnlyList<T> samples, Func<T, TKey> clusterOf, Func<T, bool> inFirst, Func<T, bool> inSecond,
        Func<IReadOnlyList<T>, double> metric, BootstrapOptions? options = null) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inFirst);
        ArgumentNullException.ThrowIfNull(inSecond);
        ArgumentNullException.ThrowIfNull(metric);
        var first = new List<T>(); var second = new List<T>();
        double Difference(IReadOnlyList<T> s)
        {
            first.Clear(); second.Clear();
            foreach (var x in s) { if (inFirst(x)) first.Add(x); if (inSecond(x)) second.Add(x); }
            if (first.Count == 0 || second.Count == 0) throw new UndefinedMetricException("a subgroup is empty");
            return metric(first.AsReadOnly()) - metric(second.AsReadOnly());
        }
        return PercentileCi(samples, clusterOf, Difference, options);
    }

    private static MetricWithCi Run<T>(IReadOnlyList<T> samples, int[][] clusters, Func<IReadOnlyList<T>, double> metric, BootstrapOptions o)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (o.Resamples < 1) throw new EvaluationException($"bootstrap needs at least one resample, got {o.Resamples}");
        if (!(o.Level > 0 && o.Level < 1)) throw new EvaluationException($"confidence level {o.Level} outside (0, 1)");
        if (!(o.MaxUndefinedFraction >= 0 && o.MaxUndefinedFraction <= 1)) throw new EvaluationException($"undefined fraction {o.MaxUndefinedFraction} outside [0, 1]");
        if (clusters.Length == 0) throw new UndefinedMetricException("no samples to bootstrap");
        var value = Checked(metric(samples), "the full sample set");
        var rng = new Random(o.Seed);
        var stats = new List<double>(o.Resamples);
        var undefined = 0;
        var buffer = new List<T>(samples.Count * 2);
        for (var r = 0; r < o.Resamples; r++)
        {
            buffer.Clear();
            for (var c = 0; c < clusters.Length; c++)
                foreach (var n in clusters[rng.Next(clusters.Length)]) buffer.Add(samples[n]);
            try { stats.Add(Checked(metric(buffer.AsReadOnly()), $"resample {r}")); }
            catch (UndefinedMetricException) { undefined++; }
        }
        if (undefined > o.MaxUndefinedFraction * o.Resamples || stats.Count == 0)
            throw new UndefinedMetricException($"the metric was undefined on {undefined} of {o.Resamples} bootstrap resamples (more than {o.MaxUndefinedFraction:P0})");
        var sorted = stats.ToArray();
        Array.Sort(sorted);
        var tail = (1 - o.Level) / 2 * 100;
        return new MetricWithCi(value, Percentiles.OfSorted(sorted, tail), Percentiles.OfSorted(sorted, 100 - tail), samples.Count)
        {
            Level = o.Level,
            Clusters = clusters.Length,
            Resamples = o.Resamples,
            UndefinedResamples = undefined,
        };
    }

    private static double Checked(double v, string where) =>
        double.IsFinite(v) ? v : throw new EvaluationException($"the metric returned {v} on {where}; metrics must throw UndefinedMetricException instead of returning NaN or infinity");
}
