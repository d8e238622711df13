namespace DiscScope.Evaluation;

/// <summary>
/// Result of <see cref="CrossFittedTemperatureScaling.Apply"/>: every row's probabilities rescaled by the temperature fitted on the other
/// folds' rows, and those temperatures by fold.
/// </summary>
/// <param name="Calibrated">Rescaled probabilities, in the order of the input rows.</param>
/// <param name="ByFold">For each fold, the temperature fitted without it (its NLLs are those of the fitting rows, i.e. the other folds).</param>
public sealed record CrossFittedTemperatures(IReadOnlyList<double[]> Calibrated, IReadOnlyDictionary<int, TemperatureScaler> ByFold);
