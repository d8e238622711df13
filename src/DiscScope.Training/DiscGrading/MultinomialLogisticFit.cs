using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Fits a <see cref="MultinomialLogistic"/> by minimising mean cross-entropy + (l2 / 2) · ‖W‖² (bias not penalised) on standardised
/// features, the objective of scikit-learn's multinomial LogisticRegression with C = 1 / (l2 · n). Convex, so the optimum is unique:
/// Nesterov-accelerated gradient descent with adaptive restart and step 1 / L, L from the largest eigenvalue of the feature covariance, run to a gradient
/// norm below the tolerance. Pure C#, deterministic.
/// </summary>
public static class MultinomialLogisticFit
{
    public static MultinomialLogistic Fit(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int classes, double l2, int maxIterations = 20000, double tolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count) throw new ArgumentException($"{x.Count} rows and {y.Count} labels");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), "at least two classes");
        if (!(l2 > 0)) throw new ArgumentOutOfRangeException(nameof(l2), "the L2 weight must be positive (it makes the optimum unique)");
        int n = x.Count, d = x[0].Length;
        if (x.Any(r => r.Length != d || r.Any(v => !double.IsFinite(v)))) throw new ArgumentException("rows differ in length or hold NaN/infinity");
        if (y.Any(c => c < 0 || c >= classes)) throw new ArgumentException($"labels must lie in 0..{classes - 1}");

        var means = new double[d]; var scales = new double[d];
        for (var f = 0; f < d; f++)
        {
            var m = 0.0; for (var i = 0; i < n; i++) m += x[i][f]; m /= n;
            var v = 0.0; for (var i = 0; i < n; i++) v += (x[i][f] - m) * (x[i][f] - m); v /= n;
            means[f] = m; scales[f] = v > 1e-24 ? Math.Sqrt(v) : 1;
        }
        // Standardised design with a trailing column of ones for the bias.
        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[d + 1];
            for (var f = 0; f < d; f++) z[i][f] = (x[i][f] - means[f]) / scales[f];
            z[i][d] = 1;
        }
        var step = 1 / (0.5 * LargestEigenvalue(z) + l2);

        int p = d + 1;
        var w = new double[classes * p]; var prev = new double[w.Length]; var look = new double[w.Length];
        var t = 1.0;
        for (var it = 0; it < maxIterations; it++)
        {
            var tNext = (1 + Math.Sqrt(1 + 4 * t * t)) / 2;
            var beta = (t - 1) / tNext;
            for (var k = 0; k < w.Length; k++) look[k] = w[k] + beta * (w[k] - prev[k]);
            var g = Gradient(z, y, look, classes, p, l2);
            if (Norm(g) < tolerance) { Array.Copy(look, w, w.Length); break; }
            Array.Copy(w, prev, w.Length);
            var uphill = 0.0;
            for (var k = 0; k < w.Length; k++) { w[k] = look[k] - step * g[k]; uphill += g[k] * (w[k] - prev[k]); }
            // Adaptive restart (O'Donoghue & Candes 2015): drop the momentum when it points uphill; linear convergence on this strongly convex objective.
            t = uphill > 0 ? 1 : tNext;
        }
        var weights = new double[classes][]; var bias = new double[classes];
        for (var c = 0; c < classes; c++) { weights[c] = w.AsSpan(c * p, d).ToArray(); bias[c] = w[c * p + d]; }
        var minima = Enumerable.Range(0, d).Select(f => x.Min(r => r[f])).ToArray();
        var maxima = Enumerable.Range(0, d).Select(f => x.Max(r => r[f])).ToArray();
        return new MultinomialLogistic(means, scales, weights, bias, minima, maxima);
    }

    private static double[] Gradient(double[][] z, IReadOnlyList<int> y, double[] w, int classes, int p, double l2)
    {
        var g = new double[w.Length]; var logits = new double[classes];
        var n = z.Length;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                var s = 0.0; var row = z[i];
                for (var f = 0; f < p; f++) s += w[c * p + f] * row[f];
                logits[c] = s;
            }
            var prob = MultinomialLogistic.Softmax(logits);
            for (var c = 0; c < classes; c++)
            {
                var r = (prob[c] - (y[i] == c ? 1 : 0)) / n;
                for (var f = 0; f < p; f++) g[c * p + f] += r * z[i][f];
            }
        }
        for (var c = 0; c < classes; c++) for (var f = 0; f < p - 1; f++) g[c * p + f] += l2 * w[c * p + f];
        return g;
    }

    /// <summary>Largest eigenvalue of ZᵀZ / n by power iteration (an upper bound on the curvature of the mean cross-entropy, times 2).</summary>
    private static double LargestEigenvalue(double[][] z)
    {
        int n = z.Length, p = z[0].Length;
        var v = Enumerable.Repeat(1 / Math.Sqrt(p), p).ToArray();
        var lambda = 0.0;
        for (var it = 0; it < 200; it++)
        {
            var u = new double[p];
            foreach (var row in z)
            {
                var s = 0.0; for (var f = 0; f < p; f++) s += row[f] * v[f];
                for (var f = 0; f < p; f++) u[f] += s * row[f] / n;
            }
            var norm = Norm(u);
            if (norm == 0) return 1;
            for (var f = 0; f < p; f++) v[f] = u[f] / norm;
            if (Math.Abs(norm - lambda) < 1e-9 * norm) { lambda = norm; break; }
            lambda = norm;
        }
        return lambda * 1.01;
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(a => a * a));
}
