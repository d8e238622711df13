using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope evaluate grading`: patient-level K-fold cross-validation of the grading network with bootstrap 95 % CIs.</summary>
public sealed class EvaluateGradingCommand : Command<EvaluateGradingCommand.Settings>
{
    public sealed class Settings : TrainGradingCommand.Settings
    {
        [CommandOption("--folds <K>")]
        public int Folds { get; init; } = 5;

        [CommandOption("--card <FILE>")]
        [Description("Model card to (re)write with the metrics (e.g. models/grading/MODEL_CARD.md; 'none' or --card=- for none).")]
        public string? Card { get; init; }

        [CommandOption("--from-json")]
        [Description("Do not cross-validate again: rewrite --card from the metrics already in --json.")]
        public bool FromJson { get; init; }

        [CommandOption("--average-with <FILES>")]
        [Description("With --from-json: average --json's out-of-fold probabilities with these evaluations' (comma-separated; other seeds of the same recipe), equally weighted per run (a file that is already an average counts as its runs), i.e. evaluate the ensemble; the result replaces --json.")]
        public string? AverageWith { get; init; }

        [CommandOption("--tta-shift <PX>")]
        [Description("Also grade each held-out crop shifted by PX pixels left, right, up and down and average the five copies' calibrated probabilities (test-time augmentation; 0 = off). --json then holds the averaged predictions and <json>.no-tta.json the same networks' unshifted ones.")]
        public int TtaShift { get; init; }

        [CommandOption("--tta-t1-drop")]
        [Description("Also grade each held-out disc that has a T1 crop with its T1 channel zeroed and average the two copies' calibrated probabilities (test-time augmentation; with --tta-shift, every shifted copy twice). --json then holds the averaged predictions and <json>.no-tta.json the same networks' plain ones.")]
        public bool TtaT1Drop { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Where the metrics go (default models/grading/evaluation.json).")]
        public string Json { get; init; } = Path.Combine("models", "grading", "evaluation.json");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (s.FromJson) return CardFromJson(s);
        if (s.TtaShift < 0) throw new InputException("--tta-shift must be 0 (off) or a positive number of pixels");
        var options = s.TrainingOptions();
        var data = DataFolder.Resolve(s.Data);
        var crop = DiscCropOptions.Default;
        var samples = GradingData.Load(data, s.Segmentation, s.Cache, crop);
        var trainer = new GradingTrainer(options);
        var cv = new GradingCrossValidation(trainer, crop);
        var started = DateTime.UtcNow;
        var shifts = (s.TtaShift > 0 ? TestTimeShifts.Cross(s.TtaShift) : TestTimeShifts.None) with { WithoutT1 = s.TtaT1Drop };
        var tta = shifts.Count > 1;
        var variants = cv.RunVariants(samples, s.Folds, tta ? [shifts, TestTimeShifts.None] : [shifts], Console.WriteLine);
        var minutes = (DateTime.UtcNow - started).TotalMinutes;
        var p = variants[0];
        var summary = WriteJson(s.Json, s, samples, p, shifts, minutes);
        if (variants.Count > 1)
        {
            var plain = Path.ChangeExtension(s.Json, ".no-tta.json");
            WriteJson(plain, s, samples, variants[1], TestTimeShifts.None, minutes);
            Console.WriteLine($"wrote {plain} (the same networks without test-time augmentation)");
        }
        var patients = samples.Select(x => x.Patient).Distinct().Count();
        var t = new Table().AddColumns("grading", "metric", "value [[95% CI]]");
        foreach (var (name, m) in summary)
        {
            if (m is GradingSummary g)
            {
                t.AddRow(name, "accuracy", Ci(g.Accuracy)); t.AddRow("", "balanced accuracy", Ci(g.BalancedAccuracy));
                t.AddRow("", "kappa linear", Ci(g.LinearKappa)); t.AddRow("", "kappa quadratic", Ci(g.QuadraticKappa)); t.AddRow("", "within one", Ci(g.WithinOne));
            }
            else if (m is BinarySummary b) { t.AddRow(name, "AUC", Ci(b.Auc)); t.AddRow("", "sensitivity / specificity @0.5", $"{Ci(b.Sensitivity)} / {Ci(b.Specificity)}"); }
        }
        AnsiConsole.Write(t);
        Console.WriteLine($"wrote {s.Json}");
        if (ModelCardSection.Target(s.Card) is { } card)
        {
            ModelCardSection.Rewrite(card, GradingModelCard.Markdown(summary, samples.Count, patients, samples.Count(x => x.HasT1), s.Folds, s.Seed,
                ShippedModelLine(s.ParsedRecipe == GradingRecipe.Context, s.EpochCount, null)));
            Console.WriteLine($"wrote {card} and {GradingPlots.Write(s.Json, card).Count} plots");
        }
        return 0;
    }

    /// <summary>Writes one cross-validation's metrics and out-of-fold predictions to <paramref name="path"/>; returns the metrics.</summary>
    private static IReadOnlyDictionary<string, object> WriteJson(string path, Settings s, IReadOnlyList<DiscSample> samples, GradingCrossValidation.Predictions p,
        TestTimeShifts shifts, double minutes)
    {
        var summary = GradingCrossValidation.Summarise(samples, p);
        var doc = new
        {
            evaluation = "patient-level stratified K-fold cross-validation (stratum: Pfirrmann grade); temperature fitted per fold and head on held-out training patients",
            folds = s.Folds, seed = s.Seed, recipe = s.ParsedRecipe.ToString().ToLowerInvariant(), epochs_max = s.EpochCount, base_channels = s.BaseChannels, pfirrmann_ordinal_weight = s.OrdinalWeight, t1_drop_probability = s.T1Drop, t2_drop_probability = s.T2Drop, pfirrmann_soft_sigma = s.SoftPfirrmann, pfirrmann_truncation = s.PfirrmannTruncate, discs = samples.Count, patients = samples.Select(x => x.Patient).Distinct().Count(),
            discs_with_t1 = samples.Count(x => x.HasT1), minutes, test_time_shifts = shifts.ToString(),
            temperatures = p.Temperatures, metrics = summary,
            // Out-of-fold predictions (calibrated probabilities per head), so plots and other analyses need no new cross-validation.
            predictions = samples.Select((x, n) => new
            {
                patient = x.Patient, ivd = x.IvdLabel, fold = p.FoldOfSample[n], hasT1 = x.HasT1,
                truth = GradingTask.All.ToDictionary(t => t.HeadName, t => t.Label(x.Labels)),
                probabilities = GradingTask.All.Select((t, h) => (t.HeadName, P: p.Probabilities[h][n])).ToDictionary(e => e.HeadName, e => e.P.Select(v => Math.Round(v, 4)).ToArray()),
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(doc, EvaluationJson.Options));
        return summary;
    }

    /// <summary>The card's sentence on how the shipped model was trained, from a cross-validation JSON (its recipe, seeds and epochs).</summary>
    private static string ShippedModelLine(System.Text.Json.JsonElement root) =>
        ShippedModelLine(root.TryGetProperty("recipe", out var r) && r.GetString() == "context", root.GetProperty("epochs_max").GetInt32(),
            root.TryGetProperty("seeds", out var seeds) ? [.. seeds.EnumerateArray().Select(e => e.ToString())] : null)
        + (root.TryGetProperty(TrainGradingCalibrationCommand.MarkerKey, out var ec) ? " " + EnsembleCalibrationLine(ec) : "");

    /// <summary>The card's sentence on the ensemble temperatures recorded in an evaluation JSON.</summary>
    private static string EnsembleCalibrationLine(System.Text.Json.JsonElement ec)
    {
        var heads = ec.GetProperty("heads").EnumerateArray().Select(h => FormattableString.Invariant(
            $"{h.GetProperty("head").GetString()} {h.GetProperty("temperature").GetDouble():0.00}")).ToList();
        return "The mean is then temperature-scaled again per head (`disc-grading.ensemble-calibration.json`, fitted by `discscope train grading-calibration` "
            + $"on the ensemble's out-of-fold mean: {string.Join(", ", heads)}), because averaging leaves it less confident than it is right. "
            + "The predictions scored below use cross-fitted ensemble temperatures: each fold's discs are rescaled by the temperature fitted on the other folds' discs.";
    }

    /// <summary>The card's sentence on how the shipped model (one network, or one per seed) was trained.</summary>
    private static string ShippedModelLine(bool context, int epochs, IReadOnlyList<string>? seeds)
    {
        var how = context
            ? $"on all these patients except 15 % held out for calibration (context recipe: each disc beside the patient's other discs, with its level; {epochs} epochs, the last kept)"
            : $"on all these patients except 15 % held out for early stopping and calibration (max {epochs} epochs)";
        var command = context ? "discscope train grading" : "discscope train grading --recipe classic";
        return seeds is not null
            ? $"Shipped model: an ensemble of {seeds.Count} networks (`disc-grading.onnx` and `disc-grading.member-*.onnx`), each trained by `{command} --seed S` (S = {string.Join(", ", seeds)}) {how}; their temperature-scaled probabilities are averaged. The metrics below average the out-of-fold probabilities of one cross-validation run per seed, so they evaluate the same ensemble."
            : $"Shipped model: trained by `{command}` {how}.";
    }

    private static int CardFromJson(Settings s)
    {
        if (s.Card is null) throw new InputException("--from-json needs --card (none: only recompute, and average with --average-with)");
        if (!File.Exists(s.Json)) throw new InputException($"{s.Json}: no such file");
        if (s.AverageWith is not null) AverageInto(s.Json, s.AverageWith);
        using var doc = JsonInput.Document(s.Json);
        var root = doc.RootElement;
        var metrics = new Dictionary<string, object>();
        if (root.TryGetProperty("predictions", out var predictions))
        {
            // Metrics are recomputed from the stored out-of-fold predictions with the current decision rules, and written back.
            metrics = new Dictionary<string, object>(Rescore(OutOfFoldPredictionsJson.Read(s.Json, preferFused: false).Predictions));
            var node = JsonInput.Node(s.Json);
            node["metrics"] = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(metrics, EvaluationJson.Options));
            File.WriteAllText(s.Json, node.ToJsonString(EvaluationJson.Options));
            Console.WriteLine($"recomputed the metrics of {s.Json} from its {predictions.GetArrayLength()} out-of-fold predictions");
        }
        else
            foreach (var m in root.GetProperty("metrics").EnumerateObject())
                metrics[m.Name] = m.Value.TryGetProperty("confusion", out _)
                    ? EvaluationJson.Deserialize<GradingSummary>(m.Value.GetRawText())
                    : EvaluationJson.Deserialize<BinarySummary>(m.Value.GetRawText());
        if (ModelCardSection.Target(s.Card) is not { } card) return 0;
        ModelCardSection.Rewrite(card, GradingModelCard.Markdown(metrics, root.GetProperty("discs").GetInt32(), root.GetProperty("patients").GetInt32(),
            root.GetProperty("discs_with_t1").GetInt32(), root.GetProperty("folds").GetInt32(), root.GetProperty("seed").GetInt32(),
            ShippedModelLine(root)));
        Console.WriteLine($"wrote {card} and {GradingPlots.Write(s.Json, card).Count} plots");
        return 0;
    }

    /// <summary>Replaces the predictions of <paramref name="json"/> by their equally weighted average with those of the comma-separated
    /// <paramref name="otherFiles"/> (matched by patient and IVD label; every disc must be in all) and records the ensemble.</summary>
    private static void AverageInto(string json, string otherFiles)
    {
        var files = otherFiles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (files.Length == 0) throw new InputException("--average-with: no file named");
        foreach (var f in files)
            if (!File.Exists(f)) throw new InputException($"{f}: no such file");
        // Every file's predictions are checked (each a distribution per head, every field present) before any is averaged.
        foreach (var f in files.Prepend(json)) OutOfFoldPredictionsJson.Read(f, preferFused: false);
        var a = JsonInput.Node(json);
        Average(a, [.. files.Select(JsonInput.Node)], files);
        File.WriteAllText(json, a.ToJsonString(EvaluationJson.Options));
        Console.WriteLine($"averaged the predictions of {json} and {string.Join(", ", files)}");
    }

    /// <summary>
    /// Averages, in place, the out-of-fold probabilities of evaluation <paramref name="a"/> with those of <paramref name="runs"/> (equal
    /// weights per cross-validation run, rounded to 4 decimals as stored), matched by patient and IVD label, and records the seeds. An
    /// evaluation that is itself an average (it lists <c>seeds</c>) counts as that many runs, so adding runs to a stored ensemble gives
    /// the same figures as averaging all the runs at once. Pure apart from <paramref name="a"/>; <paramref name="names"/> name the runs
    /// in errors.
    /// </summary>
    public static void Average(System.Text.Json.Nodes.JsonNode a, IReadOnlyList<System.Text.Json.Nodes.JsonNode> runs, IReadOnlyList<string> names)
    {
        static string Key(System.Text.Json.Nodes.JsonNode r) => $"{r["patient"]}/{r["ivd"]}";
        // The ensemble temperature is fitted on the mean of all runs: a calibrated file is not a run's probabilities any more.
        foreach (var (run, name) in new[] { (a, "--json") }.Concat(runs.Select((b, i) => (b, names[i]))))
            if (run[TrainGradingCalibrationCommand.MarkerKey] is not null)
                throw new InputException($"{name} is ensemble-calibrated; average the uncalibrated runs (e.g. evaluation.uncalibrated.json) and refit with `discscope train grading-calibration`");
        var pa = a["predictions"]?.AsArray() ?? throw new InputException("no predictions to average");
        var byKey = runs.Select((b, i) => (b["predictions"]?.AsArray() ?? throw new InputException($"{names[i]}: no predictions to average")).ToDictionary(r => Key(r!), r => r!)).ToList();
        static int[] Seeds(System.Text.Json.Nodes.JsonNode b) =>
            b["seeds"] is System.Text.Json.Nodes.JsonArray list ? [.. list.Select(v => v!.GetValue<int>())] : [b["seed"]!.GetValue<int>()];
        var weightA = Seeds(a).Length;
        var weights = runs.Select(b => Seeds(b).Length).ToArray();
        var n = weightA + weights.Sum();
        foreach (var r in pa)
        {
            var same = byKey.Select((d, i) => d.TryGetValue(Key(r!), out var q) ? q : throw new InputException($"{names[i]}: no prediction for disc {Key(r!)}")).ToList();
            foreach (var task in GradingTask.All)
            {
                var x = r!["probabilities"]![task.HeadName]!.AsArray();
                for (var c = 0; c < x.Count; c++)
                    x[c] = Math.Round((weightA * x[c]!.GetValue<double>()
                        + same.Select((q, i) => weights[i] * q["probabilities"]![task.HeadName]![c]!.GetValue<double>()).Sum()) / n, 4);
            }
        }
        var seeds = new[] { a }.Concat(runs).SelectMany(Seeds).ToArray();
        a["ensemble"] = $"out-of-fold probabilities averaged over {n} cross-validation runs of the same recipe (seeds {string.Join(", ", seeds)}); each run's predictions come from fold models that never saw the disc's patient";
        a["seeds"] = new System.Text.Json.Nodes.JsonArray([.. seeds.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
    }

    /// <summary>The cross-validation summary (<see cref="GradingCrossValidation.Summarise(IReadOnlyList{string}, IReadOnlyList{int[]}, IReadOnlyList{double[][]}, BootstrapOptions?, IReadOnlyDictionary{string, int[]}?)"/>) from stored predictions.</summary>
    /// <summary>The metrics of checked out-of-fold predictions (<see cref="OutOfFoldPredictionsJson"/>; a malformed one is refused with
    /// the reason before anything is computed or written).</summary>
    private static IReadOnlyDictionary<string, object> Rescore(IReadOnlyList<OutOfFoldPrediction> rows) =>
        GradingCrossValidation.Summarise(
            [.. rows.Select(r => r.Patient)],
            [.. GradingTask.All.Select((_, h) => rows.Select(r => r.Truth[h]).ToArray())],
            [.. GradingTask.All.Select((_, h) => rows.Select(r => r.Probabilities[h]).ToArray())]);

    private static string Ci(MetricWithCi? m) => m is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.000} [[{m.Lower:0.000}, {m.Upper:0.000}]]");
}
