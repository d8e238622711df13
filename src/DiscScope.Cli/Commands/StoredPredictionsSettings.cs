using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// Options shared by the commands that analyse stored out-of-fold grading predictions without training (`evaluate grading-subgroups`,
/// `evaluate grading-audit`): the predictions, the bootstrap resamples and the grading card to write a section of.
/// </summary>
public abstract class StoredPredictionsSettings : CommandSettings
{
    [CommandOption("--predictions <JSON>")]
    [Description("Out-of-fold predictions (default models/grading/fusion-evaluation.json: the fused predictions, which are what `analyze` reports; an `evaluate grading` JSON works too).")]
    public string Predictions { get; init; } = Path.Combine("models", "grading", "fusion-evaluation.json");

    [CommandOption("--resamples <N>")]
    [Description("Bootstrap resamples per interval (default 2000).")]
    public int Resamples { get; init; } = 2000;

    [CommandOption("--card <MD>")]
    [Description("Model card whose section is rewritten (default models/grading/MODEL_CARD.md; 'none' or --card=- for none).")]
    public string Card { get; init; } = Path.Combine("models", "grading", "MODEL_CARD.md");

    public override ValidationResult Validate() =>
        Resamples is >= 100 and <= 100_000 ? ValidationResult.Success() : ValidationResult.Error($"--resamples {Resamples}: expected 100 to 100000");
}
