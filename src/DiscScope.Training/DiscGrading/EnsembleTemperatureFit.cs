using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Ensemble temperatures: one per head, applied to the mean of the members' (each already temperature-scaled) probabilities, which
/// averaging leaves under-confident. Fitted on the ensemble's out-of-fold mean; evaluated by cross-fitting on the same folds
/// (<see cref="CrossFittedTemperatureScaling"/>), so every calibrated row comes from a temperature that never saw its label. Pure.
/// </summary>
public static class EnsembleTemperatureFit
{
    /// <summary>Fits every head of <see cref="GradingTask.All"/>.</summary>
    /// <param name="folds">Cross-validation fold of each disc.</param>
    /// <param name="truth">Per head (in <see cref="GradingTask.All"/> order), the reference class of each disc.</param>
    /// <param name="probabilities">Per head, each disc's out-of-fold mean probabilities (a binary head as [1 − p, p]).</param>
    /// <returns>The heads' temperatures with before/after figures, and per head the cross-fitted calibrated probabilities.</returns>
    public static (IReadOnlyList<EnsembleHeadTemperature> Heads, IReadOnlyList<double[][]> Calibrated) Fit(IReadOnlyList<int> folds,
        IReadOnlyList<int[]> truth, IReadOnlyList<double[][]> probabilities)
    {
        var tasks = GradingTask.All;
        if (truth.Count != tasks.Count || probabilities.Count != tasks.Count)
            throw new ArgumentException($"expected {tasks.Count} heads, got {truth.Count} label and {probabilities.Count} probability lists");
        var heads = new List<EnsembleHeadTemperature>();
        var calibrated = new List<double[][]>();
        for (var h = 0; h < tasks.Count; h++)
        {
            var task = tasks[h];
            var p = probabilities[h];
            var cross = CrossFittedTemperatureScaling.Apply(p, truth[h], folds);
            var all = TemperatureScaling.FitToProbabilities(p, truth[h]);
            var q = cross.Calibrated.ToArray();
            heads.Add(new EnsembleHeadTemperature(task.HeadName, all.Temperature, cross.ByFold.ToDictionary(e => e.Key, e => e.Value.Temperature),
                Nll(truth[h], p), Nll(truth[h], q), Ece(task, truth[h], p), Ece(task, truth[h], q)));
            calibrated.Add(q);
        }
        return (heads, calibrated);
    }

    /// <summary>Mean −ln max(p_y, 1e-12): the floor the temperature fit itself uses, so a stored 0 (rounding) stays finite.</summary>
    private static double Nll(int[] truth, IReadOnlyList<double[]> p)
    {
        double s = 0;
        for (var n = 0; n < truth.Length; n++) s -= Math.Log(Math.Max(p[n][truth[n]], TemperatureScaling.ProbabilityFloor));
        return s / truth.Length;
    }

    /// <summary>The ECE the model card reports: the binary top-label ECE for binary heads, the multiclass one otherwise.</summary>
    private static double Ece(GradingTask task, int[] truth, IReadOnlyList<double[]> p) => task.IsBinary
        ? CalibrationMetrics.ExpectedCalibrationError([.. truth.Select(t => t == 1)], [.. p.Select(r => r[1])])
        : CalibrationMetrics.ExpectedCalibrationError(truth, p);
}
