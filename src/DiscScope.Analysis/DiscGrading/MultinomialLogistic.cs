namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// A fitted multinomial logistic regression on standardised features: p(c | x) = softmax_c(Bias[c] + Σ_f Weights[c][f] · (x[f] − Means[f]) / Scales[f]).
/// Two classes are the binary case. Each feature is first clamped to the range seen in fitting (<see cref="Minima"/>..<see cref="Maxima"/>),
/// so a measurement far outside the training data (a mis-segmented disc, say) cannot push the linear score to an extreme.
/// Pure; fitted by the training project, stored as JSON beside the grading model.
/// </summary>
public sealed record MultinomialLogistic(double[] Means, double[] Scales, double[][] Weights, double[] Bias, double[] Minima, double[] Maxima)
{
    public int Features => Means.Length;
    public int Classes => Bias.Length;

    /// <summary>Class probabilities for one feature vector (length <see cref="Features"/>; no NaN or infinity).</summary>
    public double[] Predict(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != Features) throw new ArgumentException($"{x.Count} features, the model takes {Features}", nameof(x));
        var z = new double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            var s = Bias[c];
            for (var f = 0; f < Features; f++)
            {
                if (!double.IsFinite(x[f])) throw new ArgumentException($"feature {f} is {x[f]}", nameof(x));
                s += Weights[c][f] * (Math.Clamp(x[f], Minima[f], Maxima[f]) - Means[f]) / Scales[f];
            }
            z[c] = s;
        }
        return Softmax(z);
    }

    /// <summary>Numerically stable softmax.</summary>
    public static double[] Softmax(double[] z)
    {
        var max = z.Max(); var p = new double[z.Length]; var sum = 0.0;
        for (var c = 0; c < z.Length; c++) { p[c] = Math.Exp(z[c] - max); sum += p[c]; }
        for (var c = 0; c < z.Length; c++) p[c] /= sum;
        return p;
    }
}
