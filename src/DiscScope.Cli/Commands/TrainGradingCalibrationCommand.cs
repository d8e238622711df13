using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope train grading-calibration`: fits the ensemble temperatures (one per head, applied to the mean of the members' calibrated
/// probabilities) on the ensemble's out-of-fold mean stored by `evaluate grading --from-json --average-with`, writes them beside the
/// model as &lt;model&gt;.ensemble-calibration.json, and writes the same predictions calibrated by cross-fitted temperatures (each fold's
/// from the other folds) as the evaluation the model card and the fusion are built from.
/// </summary>
public sealed class TrainGradingCalibrationCommand : Command<TrainGradingCalibrationCommand.Settings>
{
    /// <summary>The key an ensemble-calibrated evaluation JSON carries; averaging refuses such a file.</summary>
    public const string MarkerKey = "ensemble_calibration";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--predictions <JSON>")]
        [Description("The ensemble's uncalibrated out-of-fold mean (default models/grading/evaluation.uncalibrated.json, written by `evaluate grading --from-json --average-with`).")]
        public string Predictions { get; init; } = Path.Combine("models", "grading", "evaluation.uncalibrated.json");

        [CommandOption("--model <ONNX>")]
        [Description("The grading model the temperatures belong to; written beside it as <model>.ensemble-calibration.json (default models/grading/disc-grading.onnx).")]
        public string Model { get; init; } = Path.Combine("models", "grading", "disc-grading.onnx");

        [CommandOption("--json <FILE>")]
        [Description("Where the cross-fitted calibrated evaluation goes (default models/grading/evaluation.json; then `evaluate grading --from-json --card ...` and `train grading-fusion` read it).")]
        public string Json { get; init; } = Path.Combine("models", "grading", "evaluation.json");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (!File.Exists(s.Predictions)) throw new InputException($"{s.Predictions}: no such file (average the runs with `discscope evaluate grading --from-json --average-with` first)");
        if (Path.GetFullPath(s.Predictions) == Path.GetFullPath(s.Json)) throw new InputException($"--json {s.Json} would overwrite the uncalibrated predictions it is fitted on; name another file");
        OutOfFoldPredictionsJson.Read(s.Predictions, preferFused: false); // every prediction checked (fields, distributions) before fitting
        var node = JsonInput.Node(s.Predictions);
        var (heads, _) = Calibrate(node, s.Predictions);
        var calibration = new GradingCalibration(heads.ToDictionary(h => h.Head, h => h.Temperature));
        var path = GradingCalibration.EnsemblePathFor(s.Model);
        calibration.Write(path, $"ensemble temperature per head on the mean of the members' calibrated probabilities, fitted on the out-of-fold mean of {s.Predictions} (Guo et al. 2017)");
        File.WriteAllText(s.Json, node.ToJsonString(EvaluationJson.Options));

        var t = new Table().AddColumns("head", "T (all folds)", "T per fold (cross-fitted)", "NLL before -> after", "ECE before -> after");
        foreach (var h in heads)
            t.AddRow(h.Head, F(h.Temperature), string.Join(" ", h.FoldTemperatures.Values.Select(F)), $"{h.NllBefore.ToString("0.0000", CultureInfo.InvariantCulture)} -> {h.NllAfter.ToString("0.0000", CultureInfo.InvariantCulture)}",
                $"{h.EceBefore.ToString("0.000", CultureInfo.InvariantCulture)} -> {h.EceAfter.ToString("0.000", CultureInfo.InvariantCulture)}");
        AnsiConsole.Write(t);
        Console.WriteLine($"wrote {path} and {s.Json} (figures after: cross-fitted, each fold's temperature fitted on the other folds)");
        return 0;
    }

    /// <summary>
    /// Replaces, in place, the out-of-fold probabilities of evaluation <paramref name="evaluation"/> by their cross-fitted ensemble
    /// calibration (rounded to 4 decimals as stored), recomputes its metrics and records the temperatures under <see cref="MarkerKey"/>.
    /// Refuses an evaluation that is already calibrated this way. Pure apart from <paramref name="evaluation"/>; <paramref name="name"/>
    /// names it in errors and in the record.
    /// </summary>
    public static (IReadOnlyList<EnsembleHeadTemperature> Heads, IReadOnlyList<double[][]> Calibrated) Calibrate(JsonNode evaluation, string name)
    {
        if (evaluation is not JsonObject) throw new InputException($"{name}: not an evaluation (a JSON object with out-of-fold predictions)");
        if (evaluation[MarkerKey] is not null) throw new InputException($"{name} is already ensemble-calibrated; fit on the uncalibrated mean of the runs");
        var rows = evaluation["predictions"] as JsonArray ?? throw new InputException($"{name}: no out-of-fold predictions");
        if (rows.Count == 0) throw new InputException($"{name}: no out-of-fold predictions");
        var tasks = GradingTask.All;
        var (folds, truth, probabilities) = Read(rows, name);
        if (folds.Distinct().Count() < 2) throw new InputException($"{name}: the predictions come from {folds.Distinct().Count()} fold; cross-fitting needs at least two");
        var (heads, exact) = EnsembleTemperatureFit.Fit(folds, truth, probabilities);
        // Stored (and scored) at 4 decimals like every evaluation's predictions, so the metrics here are those a later rescoring gives.
        var calibrated = exact.Select(head => head.Select(row => row.Select(v => Math.Round(v, 4)).ToArray()).ToArray()).ToList();
        for (var n = 0; n < rows.Count; n++)
            for (var h = 0; h < tasks.Count; h++)
                rows[n]!["probabilities"]![tasks[h].HeadName] = new JsonArray([.. calibrated[h][n].Select(v => (JsonNode?)v)]);
        var patients = rows.Select(r => r!["patient"]?.ToString() ?? throw new InputException($"{name}: a prediction has no patient")).ToList();
        var metrics = GradingCrossValidation.Summarise(patients, truth, calibrated);
        evaluation["metrics"] = JsonNode.Parse(JsonSerializer.Serialize(metrics, EvaluationJson.Options));
        evaluation[MarkerKey] = JsonNode.Parse(JsonSerializer.Serialize(new
        {
            method = "temperature per head on the ensemble's mean probabilities (softmax(ln p / T)); the predictions here use cross-fitted temperatures: each fold's fitted on the other folds' discs; the shipped file holds the temperature fitted on all of them",
            uncalibrated = name,
            heads = heads.Select(h => new
            {
                head = h.Head, temperature = h.Temperature, fold_temperatures = h.FoldTemperatures.ToDictionary(e => e.Key.ToString(CultureInfo.InvariantCulture), e => e.Value),
                nll_before = h.NllBefore, nll_after = h.NllAfter, ece_before = h.EceBefore, ece_after = h.EceAfter,
            }),
        }, EvaluationJson.Options));
        return (heads, calibrated);
    }

    /// <summary>Each prediction's fold, reference classes and probabilities per head; a missing or mistyped entry is an
    /// <see cref="InputException"/> naming the file.</summary>
    private static (int[] Folds, List<int[]> Truth, List<double[][]> Probabilities) Read(JsonArray rows, string name)
    {
        try
        {
            int Int(JsonNode? r, string key) => r?[key]?.GetValue<int>() ?? throw new InputException($"{name}: a prediction has no {key}");
            var folds = rows.Select(r => Int(r, "fold")).ToArray();
            var truth = GradingTask.All.Select(t => rows.Select(r => Int(r?["truth"], t.HeadName)).ToArray()).ToList();
            var probabilities = GradingTask.All.Select(t => rows.Select(r =>
            {
                var p = r?["probabilities"]?[t.HeadName]?.AsArray() ?? throw new InputException($"{name}: a prediction has no {t.HeadName} probabilities");
                if (p.Count != t.Classes) throw new InputException($"{name}: {p.Count} {t.HeadName} probabilities, expected {t.Classes}");
                var v = p.Select(x => x?.GetValue<double>() ?? double.NaN).ToArray();
                if (v.Any(x => !double.IsFinite(x) || x < 0 || x > 1)) throw new InputException($"{name}: {t.HeadName} probabilities outside [0, 1]");
                return v;
            }).ToArray()).ToList();
            for (var h = 0; h < truth.Count; h++)
                if (truth[h].Any(c => (uint)c >= GradingTask.All[h].Classes)) throw new InputException($"{name}: a {GradingTask.All[h].HeadName} reference class outside 0..{GradingTask.All[h].Classes - 1}");
            return (folds, truth, probabilities);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InputException($"{name}: not an evaluation's predictions ({e.Message})");
        }
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
