namespace DiscScope.Evaluation;

/// <summary>
/// A confusion matrix over classes 0..C−1, rows = reference (truth), columns = prediction, as scikit-learn confusion_matrix
/// with labels=range(C). Ordinal grades (e.g. Pfirrmann I..V) map to indices in order, so index distance is grade distance.
/// Agreement metrics are pure functions of the matrix.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] counts;

    private ConfusionMatrix(long[,] counts)
    {
        this.counts = counts;
        foreach (var c in counts) Total += c;
    }

    /// <summary>Counts pairs (truth[n], predicted[n]); throws <see cref="EvaluationException"/> on unequal lengths or an index outside 0..classCount−1.</summary>
    public static ConfusionMatrix From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (classCount < 2) throw new EvaluationException($"a confusion matrix needs at least 2 classes, got {classCount}");
        if (truth.Count != predicted.Count) throw new EvaluationException($"{truth.Count} reference labels but {predicted.Count} predictions");
        var m = new long[classCount, classCount];
        for (var n = 0; n < truth.Count; n++)
        {
            int t = truth[n], p = predicted[n];
            if ((uint)t >= classCount || (uint)p >= classCount)
                throw new EvaluationException($"sample {n}: class ({t}, {p}) outside 0..{classCount - 1}");
            m[t, p]++;
        }
        return new ConfusionMatrix(m);
    }

    /// <summary>Wraps given counts (copied), rows = truth, columns = prediction.</summary>
    public static ConfusionMatrix FromCounts(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1) || counts.GetLength(0) < 2) throw new EvaluationException("counts must be a square matrix of at least 2 classes");
        foreach (var c in counts) if (c < 0) throw new EvaluationException("counts must not be negative");
        return new ConfusionMatrix((long[,])counts.Clone());
    }

    /// <summary>Number of classes C.</summary>
    public int ClassCount => counts.GetLength(0);

    /// <summary>Number of samples counted.</summary>
    public long Total { get; }

    /// <summary>Samples of reference class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => counts[truth, predicted];

    /// <summary>The counts as jagged rows (rows = truth), for serialisation.</summary>
    public long[][] Rows() => [.. Enumerable.Range(0, ClassCount).Select(r => Enumerable.Range(0, ClassCount).Select(c => counts[r, c]).ToArray())];

    /// <summary>Fraction of samples on the diagonal (scikit-learn accuracy_score).</summary>
    public double Accuracy()
    {
        RequireSamples();
        long d = 0;
        for (var c = 0; c < ClassCount; c++) d += counts[c, c];
        return (double)d / Total;
    }

    /// <summary>
    /// Mean per-class recall over the classes present in the reference (scikit-learn balanced_accuracy_score, adjusted=False,
    /// which also leaves out classes with no reference samples).
    /// </summary>
    public double BalancedAccuracy()
    {
        RequireSamples();
        double sum = 0;
        var present = 0;
        for (var r = 0; r < ClassCount; r++)
        {
            long row = 0;
            for (var c = 0; c < ClassCount; c++) row += counts[r, c];
            if (row == 0) continue;
            sum += (double)counts[r, r] / row;
            present++;
        }
        return sum / present;
    }

    /// <summary>
    /// Cohen's kappa κ = 1 − Σ w·O / Σ w·E with E the outer product of the marginals over the total (scikit-learn
    /// cohen_kappa_score). Throws <see cref="UndefinedMetricException"/> when Σ w·E = 0 (chance disagreement is nil, e.g. one class only).
    /// </summary>
    public double Kappa(KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        RequireSamples();
        var k = ClassCount;
        var rows = new double[k];
        var cols = new double[k];
        for (var r = 0; r < k; r++)
            for (var c = 0; c < k; c++) { rows[r] += counts[r, c]; cols[c] += counts[r, c]; }
        double observed = 0, expected = 0;
        for (var r = 0; r < k; r++)
            for (var c = 0; c < k; c++)
            {
                double w = weighting switch
                {
                    KappaWeighting.Unweighted => r == c ? 0 : 1,
                    KappaWeighting.Linear => Math.Abs(r - c),
                    KappaWeighting.Quadratic => (r - c) * (r - c),
                    _ => throw new ArgumentOutOfRangeException(nameof(weighting)),
                };
                observed += w * counts[r, c];
                expected += w * rows[r] * cols[c] / Total;
            }
        if (expected == 0) throw new UndefinedMetricException("Cohen's kappa is undefined: expected chance disagreement is zero");
        return 1 - observed / expected;
    }

    /// <summary>Fraction of samples whose predicted class index is within one of the reference (|i − j| ≤ 1): "within one grade" agreement.</summary>
    public double WithinOneAgreement()
    {
        RequireSamples();
        long near = 0;
        for (var r = 0; r < ClassCount; r++)
            for (var c = Math.Max(0, r - 1); c <= Math.Min(ClassCount - 1, r + 1); c++) near += counts[r, c];
        return (double)near / Total;
    }

    private void RequireSamples()
    {
        if (Total == 0) throw new UndefinedMetricException("no samples counted");
    }
}
