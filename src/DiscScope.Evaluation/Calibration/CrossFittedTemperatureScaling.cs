namespace DiscScope.Evaluation;

/// <summary>
/// Temperature scaling of predictions that are already out of fold (e.g. the mean of an ensemble's cross-validated members), evaluated
/// without optimism: each fold's rows are rescaled by the temperature fitted on the other folds' rows (cross-fitting), so no row is
/// calibrated with its own label. The figures of a model that ships one temperature fitted on all rows are then measured on temperatures
/// that never saw the row being scored.
/// </summary>
public static class CrossFittedTemperatureScaling
{
    /// <summary>Rescales rows of probabilities (softmax(ln p / T), see <see cref="TemperatureScaler.ApplyToProbabilities"/>) fold by fold.</summary>
    /// <param name="probabilities">One row of class probabilities per sample (a binary head as the two-class row [1 − p, p]).</param>
    /// <param name="truth">Reference class index per sample.</param>
    /// <param name="folds">Fold of each sample; at least two distinct folds.</param>
    /// <param name="options">Temperature search range and tolerance.</param>
    public static CrossFittedTemperatures Apply(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth, IReadOnlyList<int> folds,
        TemperatureScalingOptions? options = null)
    {
        Probabilities.Check(truth, probabilities);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count != truth.Count) throw new EvaluationException($"{folds.Count} fold numbers but {truth.Count} samples");
        var distinct = folds.Distinct().Order().ToList();
        if (distinct.Count < 2) throw new EvaluationException($"cross-fitting needs at least two folds, got {distinct.Count}");
        var calibrated = new double[truth.Count][];
        var byFold = new SortedDictionary<int, TemperatureScaler>();
        foreach (var k in distinct)
        {
            var rest = Enumerable.Range(0, truth.Count).Where(n => folds[n] != k).ToList();
            var t = TemperatureScaling.FitToProbabilities([.. rest.Select(n => probabilities[n])], [.. rest.Select(n => truth[n])], options);
            byFold[k] = t;
            for (var n = 0; n < truth.Count; n++)
                if (folds[n] == k) calibrated[n] = t.ApplyToProbabilities(probabilities[n]);
        }
        return new CrossFittedTemperatures(calibrated, byFold);
    }
}
