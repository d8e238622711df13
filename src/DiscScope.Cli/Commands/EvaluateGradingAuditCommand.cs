using System.ComponentModel;
using System.Text.Json;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope evaluate grading-audit`: an audit of SPIDER's reference gradings from stored out-of-fold predictions (confident learning
/// per head, references that contradict each other, spines graded apart) to JSON and a section of the grading model card. Trains
/// nothing and changes no label.
/// </summary>
public sealed class EvaluateGradingAuditCommand : Command<EvaluateGradingAuditCommand.Settings>
{
    public sealed class Settings : StoredPredictionsSettings
    {
        [CommandOption("--json <FILE>")]
        [Description("Result (default models/grading/reference-audit.json).")]
        public string Json { get; init; } = Path.Combine("models", "grading", "reference-audit.json");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var (predictions, source) = OutOfFoldPredictionsJson.Read(s.Predictions, preferFused: true);
        var result = ReferenceAudit.Run(predictions, BootstrapOptions.Default with { Resamples = s.Resamples });
        var fused = source == "predictions_fused";
        var what = $"Out-of-fold predictions of `{s.Predictions.Replace('\\', '/')}` ({result.Discs} discs, {result.Patients} patients; " +
            (fused ? "the fused predictions, as `analyze` reports them)." : "the network's predictions).");
        var doc = new
        {
            evaluation = "audit of the reference gradings from cross-validated out-of-fold predictions: confident learning (off-diagonal rule) per head, references contradicting each other by definition, per-patient Pfirrmann offsets; no label is changed",
            predictions = s.Predictions, source, discs = result.Discs, patients = result.Patients, resamples = s.Resamples,
            heads = result.Heads.Select(h => new { head = h.Head, discs = h.Discs, questioned = h.Questioned, questioned_two_or_more_grades_away = h.QuestionedFar, thresholds = h.Thresholds }),
            questioned = result.Questioned.Select(q => new { patient = q.Patient, ivd = q.IvdLabel, head = q.Head, reference = q.Reference, counted_as = q.CountedAs, reference_probability = Math.Round(q.ReferenceProbability, 4) }),
            inconsistent = result.Inconsistent,
            pfirrmann_offsets = result.PfirrmannOffsets.Select(o => new { patient = o.Patient, discs = o.Discs, mean_offset = Math.Round(o.MeanOffset, 4) }),
            consistency = new
            {
                groups = result.Consistency.Groups.Select(g => new { group = g.Group, discs = g.Discs, patients = g.Patients, metrics = g.Metrics }),
                difference = result.Consistency.Difference, notes = result.Consistency.Notes,
            },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(s.Json))!);
        File.WriteAllText(s.Json, JsonSerializer.Serialize(doc, EvaluationJson.Options));
        var md = ReferenceAuditCard.Markdown(result, what, s.Json.Replace('\\', '/'), s.Resamples);
        Console.WriteLine(md);
        var card = ModelCardSection.Target(s.Card);
        if (card is not null) ModelCardSection.Write(card, "reference-audit", md);
        Console.WriteLine($"wrote {s.Json}{(card is not null ? " and the reference-audit section of " + card : "")}");
        return 0;
    }
}
