namespace DiscScope.Evaluation;

/// <summary>
/// Temperature scaling (Guo et al., ICML 2017): the single T minimising the mean negative log-likelihood of softmax(z / T)
/// on a held-out set, found by golden-section search on ln T (the NLL is convex in 1/T, hence unimodal in ln T).
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Probabilities are clipped below at 1e-12 before taking logarithms, so a zero probability gives a finite logit.</summary>
    public const double ProbabilityFloor = 1e-12;

    /// <summary>Fits T to rows of logits and reference class indices.</summary>
    public static TemperatureScaler Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> truth, TemperatureScalingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(truth);
        if (logits.Count != truth.Count) throw new EvaluationException($"{logits.Count} logit rows but {truth.Count} reference labels");
        if (logits.Count == 0) throw new UndefinedMetricException("no samples to fit a temperature");
        var k = logits[0].Length;
        for (var n = 0; n < logits.Count; n++)
        {
            if (logits[n].Length != k || k < 2) throw new EvaluationException($"logit row {n} has {logits[n].Length} classes, expected {k} ≥ 2");
            if ((uint)truth[n] >= k) throw new EvaluationException($"sample {n}: class {truth[n]} outside 0..{k - 1}");
            foreach (var z in logits[n]) if (!double.IsFinite(z)) throw new EvaluationException($"logit row {n} holds {z}");
        }
        var o = options ?? TemperatureScalingOptions.Default;
        if (!(o.MinTemperature > 0 && o.MaxTemperature > o.MinTemperature && o.LogTolerance > 0))
            throw new EvaluationException($"invalid temperature range [{o.MinTemperature}, {o.MaxTemperature}] or tolerance {o.LogTolerance}");
        double Nll(double logT) => MeanNll(logits, truth, Math.Exp(-logT));
        var best = GoldenSection(Nll, Math.Log(o.MinTemperature), Math.Log(o.MaxTemperature), o.LogTolerance);
        return new TemperatureScaler(Math.Exp(best), Nll(0), Nll(best));
    }

    /// <summary>Fits T to rows of probabilities (taken as logits ln p, clipped at <see cref="ProbabilityFloor"/>).</summary>
    public static TemperatureScaler FitToProbabilities(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth, TemperatureScalingOptions? options = null)
    {
        Probabilities.Check(truth, probabilities);
        return Fit([.. probabilities.Select(p => LogitsOf(p))], truth, options);
    }

    /// <summary>Fits T to binary logits z (probability of the positive class sigmoid(z)), as the two-class logits (0, z).</summary>
    public static TemperatureScaler FitBinary(IReadOnlyList<double> logits, IReadOnlyList<bool> truth, TemperatureScalingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(truth);
        return Fit([.. logits.Select(z => new[] { 0, z })], [.. truth.Select(t => t ? 1 : 0)], options);
    }

    internal static double[] LogitsOf(ReadOnlySpan<double> probabilities)
    {
        var z = new double[probabilities.Length];
        for (var c = 0; c < z.Length; c++) z[c] = Math.Log(Math.Max(probabilities[c], ProbabilityFloor));
        return z;
    }

    internal static double[] Softmax(ReadOnlySpan<double> logits, double beta)
    {
        var m = double.NegativeInfinity;
        foreach (var z in logits) m = Math.Max(m, z);
        var e = new double[logits.Length];
        double s = 0;
        for (var c = 0; c < e.Length; c++) { e[c] = Math.Exp(beta * (logits[c] - m)); s += e[c]; }
        for (var c = 0; c < e.Length; c++) e[c] /= s;
        return e;
    }

    /// <summary>Mean of −ln softmax(β z)_y, computed stably as log-sum-exp(β z) − β z_y.</summary>
    private static double MeanNll(IReadOnlyList<double[]> logits, IReadOnlyList<int> truth, double beta)
    {
        double total = 0;
        for (var n = 0; n < logits.Count; n++)
        {
            var z = logits[n];
            var m = double.NegativeInfinity;
            foreach (var v in z) m = Math.Max(m, v);
            double s = 0;
            foreach (var v in z) s += Math.Exp(beta * (v - m));
            total += Math.Log(s) - beta * (z[truth[n]] - m);
        }
        return total / logits.Count;
    }

    /// <summary>Golden-section search for the minimiser of a unimodal f on [a, b], to a bracket narrower than tol.</summary>
    private static double GoldenSection(Func<double, double> f, double a, double b, double tol)
    {
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double fc = f(c), fd = f(d);
        while (b - a > tol)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = f(d); }
        }
        var mid = (a + b) / 2;
        return f(mid) <= Math.Min(fc, fd) ? mid : fc <= fd ? c : d;
    }
}
