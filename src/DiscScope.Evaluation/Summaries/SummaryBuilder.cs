namespace DiscScope.Evaluation;

/// <summary>
/// Builds the JSON-friendly summaries behind `discscope evaluate grading|segmentation`: every metric with a bootstrap CI
/// resampling patients (all samples of a drawn patient together). Every metric draws the same resamples (same seed).
/// </summary>
public static class SummaryBuilder
{
    /// <summary>Multiclass grading summary over graded samples with <paramref name="classes"/> classes.</summary>
    public static GradingSummary Grading(IReadOnlyList<GradedSample> samples, int classes, BootstrapOptions? options = null, int eceBins = CalibrationMetrics.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var s in samples)
            if (s.Probabilities.Length != classes) throw new EvaluationException($"patient {s.PatientId}: {s.Probabilities.Length} probabilities for {classes} classes");
        var notes = new List<string>();
        var confusion = ConfusionMatrix.From([.. samples.Select(s => s.Truth)], [.. samples.Select(s => s.Predicted)], classes);
        ConfusionMatrix Cm(IReadOnlyList<GradedSample> s) => ConfusionMatrix.From([.. s.Select(x => x.Truth)], [.. s.Select(x => x.Predicted)], classes);
        int[] T(IReadOnlyList<GradedSample> s) => [.. s.Select(x => x.Truth)];
        double[][] P(IReadOnlyList<GradedSample> s) => [.. s.Select(x => x.Probabilities)];
        MetricWithCi? Ci(string name, Func<IReadOnlyList<GradedSample>, double> metric) => TryCi(samples, s => s.PatientId, metric, options, name, notes);
        return new GradingSummary(samples.Count, samples.Select(s => s.PatientId).Distinct().Count(), classes, confusion.Rows(),
            Ci("accuracy", s => Cm(s).Accuracy()),
            Ci("balanced accuracy", s => Cm(s).BalancedAccuracy()),
            Ci("kappa", s => Cm(s).Kappa()),
            Ci("linear kappa", s => Cm(s).Kappa(KappaWeighting.Linear)),
            Ci("quadratic kappa", s => Cm(s).Kappa(KappaWeighting.Quadratic)),
            Ci("within one", s => Cm(s).WithinOneAgreement()),
            Ci("macro AUC", s => Roc.MacroOneVsRestAuc(T(s), P(s))),
            Ci("Brier", s => CalibrationMetrics.BrierScore(T(s), P(s))),
            Ci("ECE", s => CalibrationMetrics.ExpectedCalibrationError(T(s), P(s), eceBins)),
            eceBins, notes);
    }

    /// <summary>Binary finding summary at an operating <paramref name="threshold"/> (positive when score ≥ threshold).</summary>
    public static BinarySummary Binary(IReadOnlyList<ScoredSample> samples, double threshold = 0.5, BootstrapOptions? options = null, int eceBins = CalibrationMetrics.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var notes = new List<string>();
        bool[] T(IReadOnlyList<ScoredSample> s) => [.. s.Select(x => x.Truth)];
        double[] S(IReadOnlyList<ScoredSample> s) => [.. s.Select(x => x.Score)];
        MetricWithCi? Ci(string name, Func<IReadOnlyList<ScoredSample>, double> metric) => TryCi(samples, s => s.PatientId, metric, options, name, notes);
        double Rate(double? r, string what) => r ?? throw new UndefinedMetricException($"{what} is undefined without reference samples of that class");
        double? youden = null;
        try { youden = Roc.YoudenOptimal(T(samples), S(samples)).Threshold; }
        catch (UndefinedMetricException e) { notes.Add("Youden threshold: " + e.Reason); }
        return new BinarySummary(samples.Count, samples.Select(s => s.PatientId).Distinct().Count(), samples.Count(s => s.Truth), threshold,
            Ci("AUC", s => Roc.Auc(T(s), S(s))),
            Ci("sensitivity", s => Rate(Roc.AtThreshold(T(s), S(s), threshold).Sensitivity, "sensitivity")),
            Ci("specificity", s => Rate(Roc.AtThreshold(T(s), S(s), threshold).Specificity, "specificity")),
            youden,
            Ci("Brier", s => CalibrationMetrics.BrierScore(T(s), S(s))),
            Ci("ECE", s => CalibrationMetrics.ExpectedCalibrationError(T(s), S(s), eceBins)),
            eceBins, notes);
    }

    /// <summary>
    /// Segmentation summary per label (and per merged class, Label = null) over cases; labels in ascending order, merged last.
    /// </summary>
    public static IReadOnlyList<LabelSummary> Segmentation(IReadOnlyList<SegmentationCaseResult> cases, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var rows = cases.SelectMany(c => c.Labels.Select(l => (c.PatientId, Metrics: l))).ToArray();
        return [.. rows.GroupBy(r => r.Metrics.Label).OrderBy(g => g.Key is null).ThenBy(g => g.Key).Select(g =>
        {
            var items = g.ToArray();
            var notes = new List<string>();
            var dice = items.Where(r => r.Metrics.Overlap.Dice is not null).ToArray();
            var surface = items.Where(r => r.Metrics.Surface.IsDefined).ToArray();
            static double Mean(IReadOnlyList<(string, LabelMetrics)> s, Func<LabelMetrics, double?> f) =>
                s.Count == 0 ? throw new UndefinedMetricException("no case defines it") : s.Average(x => f(x.Item2)!.Value);
            int Count(SegmentationCase c) => items.Count(r => r.Metrics.Overlap.Case == c);
            return new LabelSummary(g.Key, items.Length,
                Count(SegmentationCase.PredictionEmpty), Count(SegmentationCase.ReferenceEmpty), Count(SegmentationCase.BothEmpty),
                TryCi(dice, r => r.PatientId, s => Mean(s, m => m.Overlap.Dice), options, "Dice", notes),
                TryCi(surface, r => r.PatientId, s => Mean(s, m => m.Surface.Hausdorff95Mm), options, "HD95", notes),
                TryCi(surface, r => r.PatientId, s => Mean(s, m => m.Surface.AverageSymmetricMm), options, "ASSD", notes),
                notes);
        })];
    }

    /// <summary>
    /// Per-patient pooled Dice per label (and merged class, Label = null) over cases; labels in ascending order, merged last. Each
    /// patient contributes one value, the Dice of all its cases taken together, so the bootstrap resamples those values.
    /// </summary>
    public static IReadOnlyList<PooledLabelSummary> PooledSegmentation(IReadOnlyList<SegmentationCaseResult> cases, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var rows = cases.SelectMany(c => c.Labels.Select(l => (c.PatientId, Metrics: l))).ToArray();
        return [.. rows.GroupBy(r => r.Metrics.Label).OrderBy(g => g.Key is null).ThenBy(g => g.Key).Select(g =>
        {
            var perPatient = g.GroupBy(r => r.PatientId)
                .Select(p => PooledDice.Of(p.Select(r => r.Metrics.Overlap)))
                .Where(d => d is not null).Select(d => d!.Value).ToArray();
            var notes = new List<string>();
            var dice = TryCi(perPatient, s => s.Count == 0 ? throw new UndefinedMetricException("no patient holds it") : s.Average(), options, "Dice", notes);
            return new PooledLabelSummary(g.Key, perPatient.Length, g.Count(), dice, notes);
        })];
    }

    private static MetricWithCi? TryCi(IReadOnlyList<double> values, Func<IReadOnlyList<double>, double> metric, BootstrapOptions? options, string name, List<string> notes)
    {
        try { return Bootstrap.PercentileCi(values, metric, options); }
        catch (UndefinedMetricException e)
        {
            notes.Add($"{name}: {e.Reason}");
            return null;
        }
    }

    private static MetricWithCi? TryCi<T>(IReadOnlyList<T> items, Func<T, string> patient, Func<IReadOnlyList<T>, double> metric,
        BootstrapOptions? options, string name, List<string> notes)
    {
        try { return Bootstrap.PercentileCi(items, patient, metric, options); }
        catch (UndefinedMetricException e)
        {
            notes.Add($"{name}: {e.Reason}");
            return null;
        }
    }
}
