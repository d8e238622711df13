namespace DiscScope.Evaluation;

/// <summary>
/// Receiver operating characteristic analysis of binary scores (higher = more likely positive), as pure functions.
/// Ties are handled as scikit-learn does: tied scores move the curve diagonally, so the AUC counts a tied positive-negative
/// pair as one half (the Mann–Whitney U statistic with mid-ranks).
/// </summary>
public static class Roc
{
    /// <summary>
    /// Area under the ROC curve (scikit-learn roc_auc_score), computed as U / (n₊·n₋) with mid-ranks.
    /// Throws <see cref="UndefinedMetricException"/> when only one class is present.
    /// </summary>
    public static double Auc(IReadOnlyList<bool> truth, IReadOnlyList<double> scores)
    {
        Check(truth, scores);
        var order = Enumerable.Range(0, scores.Count).OrderBy(n => scores[n]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (var a = 0; a < order.Length;)
        {
            var b = a;
            while (b + 1 < order.Length && scores[order[b + 1]] == scores[order[a]]) b++;
            var midRank = (a + b) / 2.0 + 1; // 1-based mean rank of the tie group a..b
            for (var x = a; x <= b; x++) if (truth[order[x]]) { rankSumPositive += midRank; positives++; }
            a = b + 1;
        }
        long negatives = truth.Count - positives;
        if (positives == 0 || negatives == 0) throw new UndefinedMetricException("ROC AUC is undefined when only one class is present");
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// The ROC curve with one point per distinct score, thresholds descending (scikit-learn roc_curve with
    /// drop_intermediate=False, without its initial (0, 0) point). Throws <see cref="UndefinedMetricException"/> when only one class is present.
    /// </summary>
    public static IReadOnlyList<RocPoint> Curve(IReadOnlyList<bool> truth, IReadOnlyList<double> scores)
    {
        Check(truth, scores);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(n => scores[n]).ToArray();
        long p = truth.Count(t => t), negatives = truth.Count - p;
        if (p == 0 || negatives == 0) throw new UndefinedMetricException("a ROC curve is undefined when only one class is present");
        var points = new List<RocPoint>();
        long tp = 0, fp = 0;
        for (var a = 0; a < order.Length;)
        {
            var s = scores[order[a]];
            while (a < order.Length && scores[order[a]] == s) { if (truth[order[a]]) tp++; else fp++; a++; }
            points.Add(new RocPoint(s, (double)fp / negatives, (double)tp / p));
        }
        return points;
    }

    /// <summary>
    /// The operating point maximising Youden's J = TPR − FPR over the distinct scores; among equal J the highest threshold
    /// (the first, as numpy.argmax over roc_curve output).
    /// </summary>
    public static RocPoint YoudenOptimal(IReadOnlyList<bool> truth, IReadOnlyList<double> scores)
    {
        var curve = Curve(truth, scores);
        var best = curve[0];
        foreach (var pt in curve) if (pt.YoudenJ > best.YoudenJ) best = pt;
        return best;
    }

    /// <summary>Counts at a threshold: a sample is called positive when its score is ≥ <paramref name="threshold"/>.</summary>
    public static BinaryOperatingPoint AtThreshold(IReadOnlyList<bool> truth, IReadOnlyList<double> scores, double threshold)
    {
        Check(truth, scores);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var n = 0; n < truth.Count; n++)
        {
            var called = scores[n] >= threshold;
            if (truth[n]) { if (called) tp++; else fn++; }
            else if (called) fp++; else tn++;
        }
        return new BinaryOperatingPoint(threshold, tp, fp, tn, fn);
    }

    /// <summary>
    /// Macro-averaged one-vs-rest ROC AUC over C classes (scikit-learn roc_auc_score(multi_class="ovr", average="macro")):
    /// the unweighted mean of the AUC of column c against "truth == c". Rows need not sum to 1 here (scikit-learn requires it).
    /// Throws <see cref="UndefinedMetricException"/> when some class has no reference sample (or all samples are of it).
    /// </summary>
    public static double MacroOneVsRestAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities) =>
        OneVsRestAuc(truth, probabilities).Average();

    /// <summary>The one-vs-rest ROC AUC of each class c (column c against "truth == c"), in class order.</summary>
    public static IReadOnlyList<double> OneVsRestAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        var k = Probabilities.Check(truth, probabilities);
        var result = new double[k];
        for (var c = 0; c < k; c++)
        {
            var cls = c;
            var t = truth.Select(x => x == cls).ToArray();
            var s = probabilities.Select(row => row[cls]).ToArray();
            try { result[c] = Auc(t, s); }
            catch (UndefinedMetricException) { throw new UndefinedMetricException($"one-vs-rest AUC is undefined: class {c} is absent from the reference or is all of it"); }
        }
        return result;
    }

    private static void Check(IReadOnlyList<bool> truth, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(scores);
        if (truth.Count != scores.Count) throw new EvaluationException($"{truth.Count} reference labels but {scores.Count} scores");
        for (var n = 0; n < scores.Count; n++)
            if (!double.IsFinite(scores[n])) throw new EvaluationException($"score {n} is {scores[n]}, not a finite number");
    }
}
