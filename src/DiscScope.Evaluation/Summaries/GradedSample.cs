namespace DiscScope.Evaluation;

/// <summary>One graded structure (e.g. one disc's Pfirrmann grade) for evaluation: reference class index and predicted class probabilities.</summary>
/// <param name="PatientId">The patient, the unit of resampling and of cross-validation folds.</param>
/// <param name="Truth">Reference class index 0..C−1 (ordinal grades in order).</param>
/// <param name="Probabilities">Predicted probability of each class, C values in [0, 1].</param>
/// <param name="Decided">The class the model reports, when its decision rule is not the arg-max (e.g. the median for an ordinal grade).</param>
public sealed record GradedSample(string PatientId, int Truth, double[] Probabilities, int? Decided = null)
{
    /// <summary>The predicted class: <see cref="Decided"/> when the caller applied its own decision rule, else the arg-max of
    /// <see cref="Probabilities"/> (the first on ties).</summary>
    public int Predicted
    {
        get
        {
            if (Decided is { } d) return d;
            var best = 0;
            for (var c = 1; c < Probabilities.Length; c++) if (Probabilities[c] > Probabilities[best]) best = c;
            return best;
        }
    }
}
