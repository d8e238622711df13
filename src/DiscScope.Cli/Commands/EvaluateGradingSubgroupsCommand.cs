using System.ComponentModel;
using System.Text.Json;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope evaluate grading-subgroups`: the cross-validated grading figures per subgroup of the SPIDER set (scanner vendor, field
/// strength, scanner model, sex, T1 use, level) with patient-bootstrap CIs and, for two-group attributes, the difference between the
/// groups; JSON and a section of the grading model card. Reads stored out-of-fold predictions; trains nothing.
/// </summary>
public sealed class EvaluateGradingSubgroupsCommand : Command<EvaluateGradingSubgroupsCommand.Settings>
{
    public sealed class Settings : StoredPredictionsSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Shared data folder, for spider/overview.csv (default: DISCSCOPE_DATA or ../shared/data).")]
        public string? Data { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Result (default models/grading/subgroups.json).")]
        public string Json { get; init; } = Path.Combine("models", "grading", "subgroups.json");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var (predictions, source) = OutOfFoldPredictionsJson.Read(s.Predictions, preferFused: true);
        var data = DataFolder.Resolve(s.Data);
        var overviewCsv = Path.Combine(data, "spider", "overview.csv");
        if (!File.Exists(overviewCsv)) throw new InputException($"{overviewCsv}: no such file (the subgroups come from SPIDER's overview.csv)");
        var overview = SpiderData.Overview(data);
        var attributes = SpiderSubgroupAttributes.For(overview, predictions);
        var bootstrap = BootstrapOptions.Default with { Resamples = s.Resamples };
        var results = GradingSubgroupAnalysis.Run(predictions, attributes, bootstrap: bootstrap);
        var fused = source == "predictions_fused";
        var what = $"Out-of-fold predictions of `{s.Predictions.Replace('\\', '/')}` ({predictions.Count} discs, {predictions.Select(p => p.Patient).Distinct().Count()} patients; " +
            (fused ? "the fused predictions with the Pfirrmann grade decided by the fusion's nested cutoffs, as `analyze` reports them)." : "the network's predictions, Pfirrmann by the median of the distribution).") +
            " Subgroups from `spider/overview.csv`, the row of the series the crops come from (T2 TSE, else T2-SPACE).";
        var doc = new
        {
            evaluation = "subgroup analysis of cross-validated out-of-fold predictions; patient-level bootstrap CIs; differences (first group minus second) resample patients of the whole set",
            predictions = s.Predictions, source, discs = predictions.Count, patients = predictions.Select(p => p.Patient).Distinct().Count(),
            resamples = s.Resamples, metrics = SubgroupMetric.Headline.Select(m => new { name = m.Name, label = m.Label }),
            attributes = results.Select(r => new
            {
                name = r.Attribute, description = r.Description,
                groups = r.Groups.Select(g => new { group = g.Group, discs = g.Discs, patients = g.Patients, metrics = g.Metrics }),
                difference = r.Difference is null ? null : new { first = r.Groups[0].Group, second = r.Groups[1].Group, metrics = r.Difference },
                notes = r.Notes,
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(s.Json))!);
        File.WriteAllText(s.Json, JsonSerializer.Serialize(doc, EvaluationJson.Options));
        var md = GradingSubgroupCard.Markdown(results, what, resamples: s.Resamples);
        Console.WriteLine(md);
        var card = ModelCardSection.Target(s.Card);
        if (card is not null) ModelCardSection.Write(card, "subgroups", md);
        Console.WriteLine($"wrote {s.Json}{(card is not null ? " and the subgroup section of " + card : "")}");
        return 0;
    }
}
