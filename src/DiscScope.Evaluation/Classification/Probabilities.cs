namespace DiscScope.Evaluation;

/// <summary>Validation shared by metrics over class-probability rows.</summary>
internal static class Probabilities
{
    /// <summary>Checks equal counts, a common row width C ≥ 2, labels in 0..C−1 and probabilities in [0, 1]; returns C.</summary>
    public static int Check(IReadOnlyList<int> truth, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(rows);
        if (truth.Count != rows.Count) throw new EvaluationException($"{truth.Count} reference labels but {rows.Count} probability rows");
        if (rows.Count == 0) throw new UndefinedMetricException("no samples");
        var k = rows[0].Length;
        if (k < 2) throw new EvaluationException($"probability rows need at least 2 classes, got {k}");
        for (var n = 0; n < rows.Count; n++)
        {
            if (rows[n].Length != k) throw new EvaluationException($"row {n} has {rows[n].Length} probabilities, row 0 has {k}");
            if ((uint)truth[n] >= k) throw new EvaluationException($"sample {n}: class {truth[n]} outside 0..{k - 1}");
            foreach (var p in rows[n])
                if (!(p >= 0 && p <= 1)) throw new EvaluationException($"row {n} holds {p}, not a probability");
        }
        return k;
    }

    /// <summary>Checks a binary probability vector against labels.</summary>
    public static void Check(IReadOnlyList<bool> truth, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(p);
        if (truth.Count != p.Count) throw new EvaluationException($"{truth.Count} reference labels but {p.Count} probabilities");
        if (p.Count == 0) throw new UndefinedMetricException("no samples");
        for (var n = 0; n < p.Count; n++)
            if (!(p[n] >= 0 && p[n] <= 1)) throw new EvaluationException($"probability {n} is {p[n]}, outside [0, 1]");
    }
}
