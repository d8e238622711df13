namespace DiscScope.Evaluation;

/// <summary>
/// Confident learning (Northcutt, Jiang and Chuang, JAIR 70, 2021), the off-diagonal rule (cleanlab's <c>filter_by="confident_learning"</c>):
/// from out-of-sample probabilities, class j's threshold t_j is the mean probability of j over the samples labelled j, and class j is
/// reached when p_j ≥ t_j − 1e-6. A sample that reaches one class is confidently counted as it; one that reaches several is counted as
/// its most probable class (the lower class on a tie); one that reaches none is not counted. It is a label issue when it is counted as a
/// class other than its label. A class no sample is labelled with gets no threshold and is never reached. This is cleanlab's
/// <c>compute_confident_joint</c> with its off-diagonal indices, without calibration (which changes counts, not which samples). Pure.
/// </summary>
public static class ConfidentLearning
{
    /// <summary>Slack in the threshold comparison (cleanlab's), so a sample at its class's mean is not lost to rounding.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Per-class thresholds t_j (null for a class with no labelled sample).</summary>
    public static double?[] Thresholds(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        Check(labels, probabilities, classes);
        var sum = new double[classes]; var n = new int[classes];
        for (var i = 0; i < labels.Count; i++) { sum[labels[i]] += probabilities[i][labels[i]]; n[labels[i]]++; }
        return [.. Enumerable.Range(0, classes).Select(j => n[j] > 0 ? sum[j] / n[j] : (double?)null)];
    }

    /// <summary>The class each sample is confidently counted as (null: no class reaches its threshold).</summary>
    public static int?[] ConfidentClasses(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        var t = Thresholds(labels, probabilities, classes);
        var result = new int?[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var p = probabilities[i];
            var reached = Enumerable.Range(0, classes).Where(j => t[j] is { } tj && p[j] >= tj - Tolerance).ToList();
            result[i] = reached.Count switch
            {
                0 => null,
                1 => reached[0],
                _ => Enumerable.Range(0, classes).Aggregate((best, j) => p[j] > p[best] ? j : best),
            };
        }
        return result;
    }

    /// <summary>Whether each sample's label is an issue: it is confidently counted as another class.</summary>
    public static bool[] Issues(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        var counted = ConfidentClasses(labels, probabilities, classes);
        return [.. counted.Select((c, i) => c is { } j && j != labels[i])];
    }

    private static void Check(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels); ArgumentNullException.ThrowIfNull(probabilities);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "at least two classes");
        if (labels.Count != probabilities.Count) throw new ArgumentException($"{labels.Count} labels for {probabilities.Count} probability rows", nameof(labels));
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes) throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"label {i} outside 0..{classes - 1}");
            if (probabilities[i].Count != classes) throw new ArgumentException($"row {i}: {probabilities[i].Count} probabilities for {classes} classes", nameof(probabilities));
            if (probabilities[i].Any(p => !double.IsFinite(p))) throw new ArgumentException($"row {i}: a probability is not finite", nameof(probabilities));
        }
    }
}
