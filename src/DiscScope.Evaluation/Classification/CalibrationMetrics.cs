namespace DiscScope.Evaluation;

/// <summary>Scores of probabilistic predictions: Brier score, expected calibration error, negative log-likelihood.</summary>
public static class CalibrationMetrics
{
    /// <summary>The default number of equal-width confidence bins of the expected calibration error: 10.</summary>
    public const int DefaultBins = 10;

    /// <summary>Binary Brier score mean((p − y)²) with y ∈ {0, 1} (scikit-learn brier_score_loss), in [0, 1], lower is better.</summary>
    public static double BrierScore(IReadOnlyList<bool> truth, IReadOnlyList<double> probabilityPositive)
    {
        Probabilities.Check(truth, probabilityPositive);
        double s = 0;
        for (var n = 0; n < truth.Count; n++) { var d = probabilityPositive[n] - (truth[n] ? 1 : 0); s += d * d; }
        return s / truth.Count;
    }

    /// <summary>
    /// Multiclass Brier score (Brier 1950): mean over samples of Σ_c (p_c − 1[y = c])², in [0, 2]. For two classes it is twice
    /// the binary score.
    /// </summary>
    public static double BrierScore(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        var k = Probabilities.Check(truth, probabilities);
        double s = 0;
        for (var n = 0; n < truth.Count; n++)
            for (var c = 0; c < k; c++) { var d = probabilities[n][c] - (truth[n] == c ? 1 : 0); s += d * d; }
        return s / truth.Count;
    }

    /// <summary>
    /// Top-label expected calibration error (Guo et al., ICML 2017): confidence = max_c p_c, correct = argmax (first on ties) == y;
    /// <paramref name="bins"/> equal-width bins (b/M, (b+1)/M] with edges computed as b/M (bin 0 also holds 0);
    /// ECE = Σ_b |B_b|/n · |accuracy(B_b) − mean confidence(B_b)|, in [0, 1]. Default 10 bins.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int bins = DefaultBins)
    {
        var k = Probabilities.Check(truth, probabilities);
        var confidence = new double[truth.Count];
        var correct = new bool[truth.Count];
        for (var n = 0; n < truth.Count; n++)
        {
            var best = 0;
            for (var c = 1; c < k; c++) if (probabilities[n][c] > probabilities[n][best]) best = c;
            confidence[n] = probabilities[n][best];
            correct[n] = best == truth[n];
        }
        return Ece(confidence, correct, bins);
    }

    /// <summary>
    /// Top-label expected calibration error of binary probabilities: confidence = max(p, 1 − p), predicted positive when p ≥ 0.5;
    /// binning as the multiclass overload. Default 10 bins.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<bool> truth, IReadOnlyList<double> probabilityPositive, int bins = DefaultBins)
    {
        Probabilities.Check(truth, probabilityPositive);
        var confidence = new double[truth.Count];
        var correct = new bool[truth.Count];
        for (var n = 0; n < truth.Count; n++)
        {
            var p = probabilityPositive[n];
            confidence[n] = Math.Max(p, 1 - p);
            correct[n] = (p >= 0.5) == truth[n];
        }
        return Ece(confidence, correct, bins);
    }

    /// <summary>Mean negative log-likelihood −mean(ln p_y) (scikit-learn log_loss without clipping), nats; +∞ if a true class has p = 0.</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        Probabilities.Check(truth, probabilities);
        double s = 0;
        for (var n = 0; n < truth.Count; n++) s -= Math.Log(probabilities[n][truth[n]]);
        return s / truth.Count;
    }

    private static double Ece(double[] confidence, bool[] correct, int bins)
    {
        if (bins < 1) throw new EvaluationException($"bin count must be positive, got {bins}");
        var count = new long[bins];
        var sumConfidence = new double[bins];
        var sumCorrect = new long[bins];
        for (var n = 0; n < confidence.Length; n++)
        {
            var b = BinOf(confidence[n], bins);
            count[b]++;
            sumConfidence[b] += confidence[n];
            if (correct[n]) sumCorrect[b]++;
        }
        double ece = 0;
        for (var b = 0; b < bins; b++)
            if (count[b] > 0) ece += (double)count[b] / confidence.Length * Math.Abs((double)sumCorrect[b] / count[b] - sumConfidence[b] / count[b]);
        return ece;
    }

    /// <summary>The bin b with b/M &lt; x ≤ (b+1)/M (0 for x = 0), comparing against the same edges b/M the definition names.</summary>
    private static int BinOf(double x, int bins)
    {
        var b = Math.Clamp((int)Math.Ceiling(x * bins) - 1, 0, bins - 1);
        while (b > 0 && x <= (double)b / bins) b--;
        while (b < bins - 1 && x > (double)(b + 1) / bins) b++;
        return b;
    }
}
