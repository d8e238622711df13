using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Patient-level K-fold cross-validation of the grading network. In each fold a share of the training patients is held out for early
/// stopping and for fitting one temperature per head (Guo et al. 2017); the held-out fold's calibrated probabilities are pooled over
/// folds and summarised with patient-level bootstrap CIs.
/// </summary>
public sealed class GradingCrossValidation(GradingTrainer trainer, DiscCropOptions crop)
{
    /// <summary>Out-of-fold calibrated probabilities per head [head][sample][class], and the fold of each sample.</summary>
    public sealed record Predictions(double[][][] Probabilities, int[] FoldOfSample, double[][] Temperatures);

    public Predictions Run(IReadOnlyList<DiscSample> samples, int folds, Action<string>? log = null) =>
        RunVariants(samples, folds, [TestTimeShifts.None], log)[0];

    /// <summary>
    /// One cross-validation, its networks' held-out predictions made once per test-time variant (the same networks and temperatures
    /// for all, so the variants differ only in how the crops are graded). Temperatures are fitted on the unshifted validation crops with
    /// their T1 and applied to every copy (shifted, or without T1) before averaging, as <see cref="DiscGrader"/> does with a member's stored temperatures.
    /// </summary>
    public IReadOnlyList<Predictions> RunVariants(IReadOnlyList<DiscSample> samples, int folds, IReadOnlyList<TestTimeShifts> variants, Action<string>? log = null)
    {
        if (variants.Count == 0) throw new ArgumentException("at least one test-time variant is needed", nameof(variants));
        var o = trainer.Options;
        var split = PatientKFold.Split([.. samples.Select(s => s.Patient)], folds, o.Seed, [.. samples.Select(s => s.Labels.Pfirrmann)]);
        var heads = GradingTask.All.Count;
        var probs = variants.Select(_ => Enumerable.Range(0, heads).Select(_ => new double[samples.Count][]).ToArray()).ToArray();
        var foldOf = new int[samples.Count];
        var temps = new double[folds][];
        foreach (var fold in split.Folds)
        {
            var trainAll = fold.TrainIndices.Select(i => samples[i]).ToList();
            var (inner, val) = SplitValidation(trainAll, o.ValidationFraction, o.Seed + fold.Index);
            log?.Invoke($"fold {fold.Index + 1}/{folds}: train {inner.Count} discs, validation {val.Count}, test {fold.TestIndices.Count}");
            var net = trainer.TrainWithRetry(inner, val, crop, e => log?.Invoke(FormattableString.Invariant($"  epoch {e.Epoch} loss {e.TrainLoss:F3} val {e.Metric:F3}{(e.Improved ? " *" : "")}")), log);
            var valLogits = GradingTrainer.Logits(net, val, crop);
            var test = fold.TestIndices.Select(i => samples[i]).ToList();
            var shifted = variants.SelectMany(v => v.Views).Distinct()
                .ToDictionary(v => v, v => GradingTrainer.Logits(net, test, crop, shift: (v.Dx, v.Dy), dropT1: v.DropT1));
            temps[fold.Index] = new double[heads];
            for (var h = 0; h < heads; h++)
            {
                var task = GradingTask.All[h];
                var scaler = TemperatureScaling.Fit(valLogits[h], [.. val.Select(s => task.Label(s.Labels))]);
                temps[fold.Index][h] = scaler.Temperature;
                for (var v = 0; v < variants.Count; v++)
                {
                    var views = variants[v].Views; // built on each read: once per variant here
                    for (var n = 0; n < test.Count; n++)
                    {
                        var p = new double[task.Classes];
                        foreach (var view in views)
                        {
                            var q = scaler.Apply(shifted[view][h][n]);
                            for (var c = 0; c < p.Length; c++) p[c] += q[c] / views.Count;
                        }
                        probs[v][h][fold.TestIndices[n]] = p;
                    }
                }
            }
            foreach (var i in fold.TestIndices) foldOf[i] = fold.Index;
            net.Dispose();
        }
        return [.. probs.Select(p => new Predictions(p, foldOf, temps))];
    }

    /// <summary>Holds out a seeded share of patients (at least one) for validation.</summary>
    public static (List<DiscSample> Train, List<DiscSample> Validation) SplitValidation(IReadOnlyList<DiscSample> samples, double fraction, int seed)
    {
        var patients = samples.Select(s => s.Patient).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(patients);
        var nVal = Math.Clamp((int)Math.Round(patients.Length * fraction), 1, Math.Max(1, patients.Length - 1));
        var val = patients.Take(nVal).ToHashSet();
        return ([.. samples.Where(s => !val.Contains(s.Patient))], [.. samples.Where(s => val.Contains(s.Patient))]);
    }

    /// <summary>Metric summaries with bootstrap CIs for every grading (plus Modic any-vs-none) from out-of-fold predictions.</summary>
    public static IReadOnlyDictionary<string, object> Summarise(IReadOnlyList<DiscSample> samples, Predictions p, BootstrapOptions? bootstrap = null) =>
        Summarise([.. samples.Select(s => s.Patient)], [.. GradingTask.All.Select(t => samples.Select(s => t.Label(s.Labels)).ToArray())], p.Probabilities, bootstrap);

    /// <summary>The same from plain arrays: patient of each disc [n], reference class per head [h][n], probabilities per head [h][n][c]
    /// (e.g. predictions stored in an evaluation JSON). Ordinal grades are decided by <see cref="GradingTask.Decide"/>, or taken from
    /// <paramref name="decided"/> (head name -> decided class per disc) where it names the head.</summary>
    public static IReadOnlyDictionary<string, object> Summarise(IReadOnlyList<string> patients, IReadOnlyList<int[]> truth, IReadOnlyList<double[][]> probabilities,
        BootstrapOptions? bootstrap = null, IReadOnlyDictionary<string, int[]>? decided = null)
    {
        var result = new Dictionary<string, object>();
        for (var h = 0; h < GradingTask.All.Count; h++)
        {
            var task = GradingTask.All[h];
            var (y, p) = (truth[h], probabilities[h]);
            if (task.IsBinary)
                result[task.HeadName] = SummaryBuilder.Binary([.. patients.Select((id, n) => new ScoredSample(id, y[n] == 1, p[n][1]))], 0.5, bootstrap);
            else
            {
                var d = decided?.GetValueOrDefault(task.HeadName);
                if (d is not null && d.Length != patients.Count) throw new ArgumentException($"{d.Length} decided classes for {patients.Count} discs", nameof(decided));
                result[task.HeadName] = SummaryBuilder.Grading([.. patients.Select((id, n) => new GradedSample(id, y[n], p[n], d?[n] ?? task.Decide(p[n])))], task.Classes, bootstrap);
            }
            if (task.Grading == Domain.Reports.Grading.Modic)
                result["modic_any"] = SummaryBuilder.Binary([.. patients.Select((id, n) => new ScoredSample(id, y[n] > 0, 1 - p[n][0]))], 0.5, bootstrap);
        }
        return result;
    }
}
