using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Mri;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope train grading-fusion`: fits the measurement fusion (network probabilities + mid-sagittal measurements -> per-head logistic
/// regression) on the out-of-fold predictions stored by `evaluate grading`, cross-validates it on the same folds, and writes
/// &lt;model&gt;.fusion.json, an evaluation JSON and a section of the grading model card.
/// </summary>
public sealed class TrainGradingFusionCommand : Command<TrainGradingFusionCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Shared data folder (default: DISCSCOPE_DATA or ../shared/data).")]
        public string? Data { get; init; }

        [CommandOption("--segmentation <ONNX>")]
        [Description("Segmentation model that finds and measures the discs (default: the shipped one).")]
        public string? Segmentation { get; init; }

        [CommandOption("--predictions <JSON>")]
        [Description("Out-of-fold predictions of the grading network (default models/grading/evaluation.json, written by `evaluate grading`, for an ensemble by `train grading-calibration`).")]
        public string Predictions { get; init; } = Path.Combine("models", "grading", "evaluation.json");

        [CommandOption("--model <ONNX>")]
        [Description("The grading model the fusion belongs to; the fusion is written beside it as <model>.fusion.json (default models/grading/disc-grading.onnx).")]
        public string Model { get; init; } = Path.Combine("models", "grading", "disc-grading.onnx");

        [CommandOption("--heads <LIST>")]
        [Description("Heads to fuse, comma-separated (default pfirrmann, the shipped choice); the others keep the network's probabilities.")]
        public string? Heads { get; init; }

        [CommandOption("--l2 <W>")]
        [Description("L2 weight on the standardised coefficients (default 0.02).")]
        public double L2 { get; init; } = GradingFusionTrainer.DefaultL2;

        [CommandOption("--pfirrmann-decision <RULE>")]
        [Description("How the fused Pfirrmann grade is decided: 'cutoffs' (default; four cutoffs on the expected grade fitted to the linear kappa of the fused out-of-fold predictions, cross-validated fold by fold and stored in the fusion) or 'median' (the median of the distribution).")]
        public string PfirrmannDecision { get; init; } = "cutoffs";

        [CommandOption("--json <FILE>")]
        [Description("Cross-validation result (default models/grading/fusion-evaluation.json).")]
        public string Json { get; init; } = Path.Combine("models", "grading", "fusion-evaluation.json");

        [CommandOption("--features-csv <FILE>")]
        [Description("Also write every disc's fusion inputs (patient, IVD label, fold, reference grades, the features in the fusion's order) as CSV, for analysis elsewhere.")]
        public string? FeaturesCsv { get; init; }

        [CommandOption("--card <MD>")]
        [Description("Model card whose fusion section is rewritten (default models/grading/MODEL_CARD.md; 'none' or --card=- for none).")]
        public string Card { get; init; } = Path.Combine("models", "grading", "MODEL_CARD.md");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var useCutoffs = UsesCutoffs(s.PfirrmannDecision);
        var data = DataFolder.Resolve(s.Data);
        if (!File.Exists(s.Predictions)) throw new InputException($"{s.Predictions}: no such file (run `discscope evaluate grading` first)");
        using var net = OnnxSliceNetwork.Load(SegmentationModelPath.Resolve(s.Segmentation), threads: 2);
        var measurements = new SpiderDiscMeasurements(new SpineParser(new SliceSegmenter(net))).Build(data);
        var rows = ReadRows(s.Predictions, measurements);
        Console.WriteLine($"{rows.Count} discs with out-of-fold predictions, {rows.Count(r => r.Measurement is not null)} of them measured; folds {string.Join(", ", rows.Select(r => r.Fold).Distinct().Order())}");

        if (s.FeaturesCsv is not null)
        {
            FusionFeatureTable.Write(s.FeaturesCsv, rows);
            Console.WriteLine($"wrote {s.FeaturesCsv}");
        }
        var heads = s.Heads is null ? GradingFusionTrainer.DefaultHeads : ParseHeads(s.Heads);
        var fused = GradingFusionTrainer.CrossValidate(rows, heads, s.L2);
        var patients = rows.Select(r => r.Patient).ToList();
        var truth = GradingTask.All.Select((_, h) => rows.Select(r => r.Truth[h]).ToArray()).ToList();
        var before = GradingCrossValidation.Summarise(patients, truth, [.. GradingTask.All.Select((_, h) => rows.Select(r => r.Probabilities[h]).ToArray())]);
        // Pfirrmann cutoffs are fitted on the fused out-of-fold probabilities: nested per fold for the figures, on all discs for the file.
        var (cutoffs, pfirrmannDecided) = useCutoffs && heads.Contains("pfirrmann") ? PfirrmannCutoffFit.FitAndCrossValidate(rows, fused) : (null, null);
        var after = GradingCrossValidation.Summarise(patients, truth, fused, decided: pfirrmannDecided is null ? null : new Dictionary<string, int[]> { ["pfirrmann"] = pfirrmannDecided });

        var pfirrmannHead = GradingTask.IndexOf("pfirrmann");
        var incomplete = rows.Count(r => DiscSegmentationQuality.Incomplete(r.Measurement));
        var review = ReviewFlagAudit.Compute(truth, fused, (h, n) => h == pfirrmannHead && pfirrmannDecided is not null ? pfirrmannDecided[n] : GradingTask.All[h].Decide(fused[h][n]),
            discFlagged: n => DiscSegmentationQuality.Incomplete(rows[n].Measurement));

        var fusion = GradingFusionTrainer.Fit(rows, heads, s.L2) with { PfirrmannCutoffs = cutoffs };
        if (cutoffs is not null) Console.WriteLine($"Pfirrmann cutoffs on the expected grade (class 0-4): {string.Join(", ", cutoffs.Cutoffs.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))}");
        fusion.Write(GradingFusion.PathFor(s.Model));
        var doc = new
        {
            evaluation = "stacking on the grading network's out-of-fold probabilities: for each fold of the network's cross-validation, the fusion is fitted on the other folds' discs and applied to this fold's",
            predictions = s.Predictions, l2 = s.L2, heads = fusion.Heads.Keys, features = FusionFeatures.Names,
            pfirrmann_decision = cutoffs is null ? "median of the distribution" : "cutoffs on the expected grade, fitted per fold on the other folds' fused out-of-fold predictions (linear kappa)",
            pfirrmann_cutoffs = cutoffs?.Cutoffs,
            discs = rows.Count, measured = rows.Count(r => r.Measurement is not null), patients = patients.Distinct().Count(),
            metrics_network = before, metrics_fused = after,
            segmentation_incomplete_discs = incomplete,
            review_flags = review.Select(r => new { head = r.Head, discs = r.Split.Total, flagged = r.Split.Flagged, accuracy_unflagged = r.Split.RightUnflagged, accuracy_flagged = r.Split.RightFlagged }),
            predictions_fused = rows.Select((r, n) => new
            {
                patient = r.Patient, ivd = r.IvdLabel, fold = r.Fold, hasT1 = r.HasT1,
                truth = GradingTask.All.Select((t, h) => (t.HeadName, r.Truth[h])).ToDictionary(e => e.HeadName, e => e.Item2),
                probabilities = GradingTask.All.Select((t, h) => (t.HeadName, P: fused[h][n])).ToDictionary(e => e.HeadName, e => e.P.Select(v => Math.Round(v, 4)).ToArray()),
                pfirrmann_decided = pfirrmannDecided?[n],
            }),
        };
        File.WriteAllText(s.Json, JsonSerializer.Serialize(doc, EvaluationJson.Options));
        var md = Markdown(before, after, fusion, rows.Count, doc.measured, s.L2, review, incomplete);
        AnsiConsole.WriteLine(md);
        var card = ModelCardSection.Target(s.Card);
        if (card is not null) ModelCardSection.Write(card, "fusion", md);
        Console.WriteLine($"wrote {GradingFusion.PathFor(s.Model)}, {s.Json}{(card is not null ? " and the fusion section of " + card : "")}");
        return 0;
    }

    /// <summary>Whether --pfirrmann-decision asks for fitted cutoffs ("cutoffs") or the median ("median"); anything else is refused
    /// before any data is read.</summary>
    public static bool UsesCutoffs(string rule) => rule.Trim().ToLowerInvariant() switch
    {
        "cutoffs" => true,
        "median" => false,
        _ => throw new InputException($"--pfirrmann-decision '{rule}': expected cutoffs or median"),
    };

    /// <summary>The head names of a comma-separated list, each one of the grading heads.</summary>
    public static IReadOnlyList<string> ParseHeads(string list)
    {
        var known = GradingTask.All.Select(t => t.HeadName).ToHashSet(StringComparer.Ordinal);
        var heads = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (heads.Count == 0) throw new InputException("--heads: no head named");
        foreach (var h in heads)
            if (!known.Contains(h)) throw new InputException($"--heads: unknown head '{h}' (known: {string.Join(", ", known)})");
        return heads;
    }

    /// <summary>Rows from an evaluation JSON's out-of-fold predictions joined with the measurements by patient and IVD label.</summary>
    internal static List<FusionRow> ReadRows(string json, IReadOnlyDictionary<(string Patient, int IvdLabel), Domain.Measurements.DiscMeasurement> measurements) =>
        [.. OutOfFoldPredictionsJson.Read(json, preferFused: false).Predictions.Select(r =>
            new FusionRow(r.Patient, r.IvdLabel, r.Fold, r.HasT1, r.Truth, r.Probabilities, measurements.GetValueOrDefault((r.Patient, r.IvdLabel))))];

    private static string Markdown(IReadOnlyDictionary<string, object> before, IReadOnlyDictionary<string, object> after, GradingFusion fusion, int discs, int measured, double l2,
        IReadOnlyList<(string Head, FlagSplit Split)> review, int incomplete)
    {
        var b = new StringBuilder();
        b.AppendLine("## Measurement fusion (`disc-grading.fusion.json`)");
        b.AppendLine();
        b.AppendLine("**The shipped grader applies this fusion: for the fused heads, the `fused` column below (not the network's metrics above) describes what `analyze` reports.**");
        b.AppendLine();
        var one = fusion.Heads.Count == 1;
        b.AppendLine($"The head{(one ? "" : "s")} {string.Join(", ", fusion.Heads.Keys.Select(k => $"`{k}`"))} take{(one ? "s" : "")} the probabilities of a multinomial logistic regression (L2 weight {l2.ToString(CultureInfo.InvariantCulture)} on standardised features) over the ensemble's calibrated probabilities of all heads, the IVD label, whether T1 was used, and the disc's mid-sagittal measurements (heights, height index, wedge angle, posterior displacement, signal intensity ratio to CSF, canal AP diameter, slip) with a missing flag each. The other heads keep the network's probabilities. Fitted by `discscope train grading-fusion` on the out-of-fold predictions above ({discs} discs, {measured} measured).");
        b.AppendLine();
        if (fusion.PfirrmannCutoffs is { } cut)
        {
            b.AppendLine(FormattableString.Invariant($"The fused Pfirrmann grade is decided by cutoffs on the expected grade (classes 0-4: {string.Join(", ", cut.Cutoffs.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))}), fitted to the linear-weighted kappa of the fused out-of-fold predictions; in the figures below each fold's grades come from cutoffs fitted on the other folds. The network column decides by the median of the distribution."));
            b.AppendLine();
        }
        b.AppendLine("Cross-validation: stacking on the same folds — for each fold, the fusion is fitted on the other folds' discs and applied to this fold's, so every fused probability comes from a network and a fusion that never saw the patient. Same patient-level bootstrap.");
        b.AppendLine();
        b.AppendLine("| grading | metric | network (ensemble) | fused |");
        b.AppendLine("|---|---|---|---|");
        foreach (var (name, m) in after)
        {
            if (m is GradingSummary g && before[name] is GradingSummary g0)
            {
                b.AppendLine($"| {name} | linear kappa | {Ci(g0.LinearKappa)} | {Ci(g.LinearKappa)} |");
                b.AppendLine($"| | accuracy | {Ci(g0.Accuracy)} | {Ci(g.Accuracy)} |");
                b.AppendLine($"| | within one grade | {Ci(g0.WithinOne)} | {Ci(g.WithinOne)} |");
                b.AppendLine($"| | ECE ({g.EceBins} bins) | {Ci(g0.Ece)} | {Ci(g.Ece)} |");
            }
            else if (m is BinarySummary s && before[name] is BinarySummary s0)
            {
                b.AppendLine($"| {name} | AUC | {Ci(s0.Auc)} | {Ci(s.Auc)} |");
                b.AppendLine($"| | ECE ({s.EceBins} bins) | {Ci(s0.Ece)} | {Ci(s.Ece)} |");
            }
        }
        var u = UncertaintyOptions.Default;
        b.AppendLine();
        b.AppendLine(FormattableString.Invariant($"**\"Uncertain — review\" flags on the same out-of-fold predictions** (as `analyze` reports them: top probability under {u.MinTopProbability:0.##} for Pfirrmann and Modic, a binary probability within {u.BinaryBand:0.##} of 0.5, or every grade of a disc whose own measurements could not all be made from the segmentation, {incomplete} discs here; the flag for a low level-naming confidence is not included). The reported class is right this often among the discs without and with the flag:"));
        b.AppendLine();
        b.AppendLine("| grading | discs flagged | right, not flagged | right, flagged |");
        b.AppendLine("|---|---|---|---|");
        foreach (var (head, r) in review)
            b.AppendLine(FormattableString.Invariant($"| {head} | {r.Flagged} of {r.Total} ({100 * r.FlaggedShare:0.0} %) | {Pct(r.RightUnflagged)} | {Pct(r.RightFlagged)} |"));
        return b.ToString();
    }

    private static string Pct(double? v) => v is { } x ? FormattableString.Invariant($"{100 * x:0.0} %") : "n/a";

    private static string Ci(MetricWithCi? m) => m is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.000} [{m.Lower:0.000}, {m.Upper:0.000}]");
}
