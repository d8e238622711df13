using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Fits <see cref="PfirrmannCutoffs"/> to the linear-weighted kappa of predictions against reference classes: coordinate search on a
/// 0.01 grid, starting from the rounding cutoffs (0.5, 1.5, 2.5, 3.5), each cutoff tried within ±1.5 of its start, inside 0..4 and strictly
/// between its neighbours, three sweeps, a move kept only when it raises the kappa. Pure and deterministic.
/// </summary>
public static class PfirrmannCutoffFit
{
    private const int Grid = 100; // cutoffs in hundredths
    private const int Sweeps = 3;
    private const int Reach = 150;

    /// <summary>Cutoffs maximising the linear kappa of the decided classes against <paramref name="truth"/> (classes 0-4).</summary>
    public static PfirrmannCutoffs Fit(IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<int> truth)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(truth);
        if (probabilities.Count != truth.Count) throw new ArgumentException($"{probabilities.Count} predictions but {truth.Count} reference classes");
        if (probabilities.Count == 0) throw new ArgumentException("no predictions to fit cutoffs on", nameof(probabilities));
        var scores = probabilities.Select(PfirrmannCutoffs.ExpectedClass).ToArray();
        var start = PfirrmannCutoffs.Rounding.Cutoffs.Select(c => (int)Math.Round(c * Grid)).ToArray();
        var cut = (int[])start.Clone();
        var best = Kappa(scores, truth, cut);
        for (var sweep = 0; sweep < Sweeps; sweep++)
            for (var i = 0; i < cut.Length; i++)
            {
                var lo = Math.Max(start[i] - Reach, i > 0 ? cut[i - 1] + 1 : 0);
                var hi = Math.Min(start[i] + Reach, i < cut.Length - 1 ? cut[i + 1] - 1 : (PfirrmannCutoffs.Classes - 1) * Grid);
                for (var v = lo; v <= hi; v++)
                {
                    var trial = (int[])cut.Clone(); trial[i] = v;
                    var k = Kappa(scores, truth, trial);
                    if (k > best + 1e-12) { best = k; cut = trial; }
                }
            }
        return Of(cut);
    }

    /// <summary>Out-of-fold decisions: the classes of fold k are decided by cutoffs fitted on the other folds' predictions.</summary>
    public static int[] CrossValidate(IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<int> truth, IReadOnlyList<int> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count != truth.Count) throw new ArgumentException($"{folds.Count} folds but {truth.Count} reference classes");
        var decided = new int[truth.Count];
        foreach (var fold in folds.Distinct().Order())
        {
            var train = Enumerable.Range(0, truth.Count).Where(i => folds[i] != fold).ToList();
            if (train.Count == 0) throw new ArgumentException("cutoffs need at least two folds");
            var cut = Fit([.. train.Select(i => probabilities[i])], [.. train.Select(i => truth[i])]);
            for (var i = 0; i < truth.Count; i++) if (folds[i] == fold) decided[i] = cut.Decide(probabilities[i]);
        }
        return decided;
    }

    /// <summary>For the fusion: cutoffs fitted on all rows' fused Pfirrmann probabilities (to store) and the out-of-fold decisions by the
    /// rows' folds (to report). <paramref name="fused"/> is [head][row][class] in <see cref="GradingTask.All"/> order.</summary>
    public static (PfirrmannCutoffs Cutoffs, int[] Decided) FitAndCrossValidate(IReadOnlyList<FusionRow> rows, IReadOnlyList<double[][]> fused)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fused);
        var h = GradingTask.All.ToList().FindIndex(t => t.Grading == Domain.Reports.Grading.Pfirrmann);
        var p = fused[h];
        var truth = rows.Select(r => r.Truth[h]).ToArray();
        return (Fit(p, truth), CrossValidate(p, truth, [.. rows.Select(r => r.Fold)]));
    }

    private static PfirrmannCutoffs Of(int[] hundredths) => new([.. hundredths.Select(c => c / (double)Grid)]);

    private static double Kappa(double[] scores, IReadOnlyList<int> truth, int[] cut)
    {
        var rule = Of(cut);
        var decided = scores.Select(rule.DecideScore).ToArray();
        try { return ConfusionMatrix.From(truth, decided, PfirrmannCutoffs.Classes).Kappa(KappaWeighting.Linear); }
        catch (UndefinedMetricException) { return double.NegativeInfinity; }
    }
}
