using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DiscScope.Analysis.Mri;
using DiscScope.Training.SpineGate;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope evaluate spine-gate`: group-level K-fold cross-validation of the image gate; JSON and a model card section.</summary>
public sealed class EvaluateSpineGateCommand : Command<EvaluateSpineGateCommand.Settings>
{
    public sealed class Settings : SpineGateSettings
    {
        [CommandOption("--folds <K>")]
        public int Folds { get; init; } = 5;

        [CommandOption("--assumed-spacing <LIST>")]
        [Description("Spacings (mm, comma-separated) claimed for images without a stated one, e.g. radiographs (default 0.3,1).")]
        public string AssumedSpacing { get; init; } = "0.3,1";

        [CommandOption("--out <FILE>")]
        [Description("JSON result (default models/spine-gate/evaluation.json).")]
        public string Out { get; init; } = Path.Combine("models", "spine-gate", "evaluation.json");

        [CommandOption("--card <FILE>")]
        [Description("Model card whose cross-validation section is rewritten (default models/spine-gate/MODEL_CARD.md; 'none' for none).")]
        public string? Card { get; init; } = Path.Combine("models", "spine-gate", "MODEL_CARD.md");

        public double[] Spacings => [.. AssumedSpacing.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v
                : throw new InputException($"--assumed-spacing: '{x}' is not a positive number of mm"))];

        public override Spectre.Console.ValidationResult Validate() =>
            Folds < 2 ? Spectre.Console.ValidationResult.Error("--folds must be at least 2") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var data = DataFolder.Resolve(s.Data);
        var spacings = s.Spacings;
        if (spacings.Length == 0) throw new InputException("--assumed-spacing names no spacing");
        Console.WriteLine("loading gate images:");
        var images = SpineGateData.Load(data, Console.WriteLine);
        var rows = SpineGateCrossValidation.Run(images, s.Folds, s.TrainingOptions, spacings, Console.WriteLine, cancellationToken);
        var threshold = SpineImageGate.DefaultThreshold;
        var command = FormattableString.Invariant($"discscope evaluate spine-gate --folds {s.Folds} --epochs {s.Epochs} --seed {s.Seed} --assumed-spacing {string.Join(',', spacings)}");
        var result = new
        {
            command, folds = s.Folds, threshold, epochs = s.Epochs, seed = s.Seed, assumed_spacings_mm = spacings,
            by_source = SpineGateEvaluation.BySource(rows, threshold),
            overall = spacings.Select(a => new { assumed_spacing_mm = a, summary = SpineGateEvaluation.Overall(rows, a, threshold) }),
            predictions = rows,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(s.Out))!);
        File.WriteAllText(s.Out, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        var card = SpineGateEvaluation.Card(rows, spacings, threshold, s.Folds, command);
        Console.WriteLine(card);
        if (ModelCardSection.Target(s.Card) is { } cardPath) ModelCardSection.Write(cardPath, "spine-gate-cv", card);
        Console.WriteLine($"wrote {s.Out}");
        return 0;
    }
}
