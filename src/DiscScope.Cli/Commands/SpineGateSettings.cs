using System.ComponentModel;
using DiscScope.Training.SpineGate;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>Options shared by <c>train spine-gate</c> and <c>evaluate spine-gate</c>.</summary>
public class SpineGateSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("The shared data folder (default DISCSCOPE_DATA, else ../shared/data).")]
    public string? Data { get; init; }

    [CommandOption("--epochs <N>")]
    public int Epochs { get; init; } = 30;

    [CommandOption("--seed <N>")]
    public int Seed { get; init; } = 42;

    [CommandOption("--threads <N>")]
    public int Threads { get; init; } = 2;

    public SpineGateTrainingOptions TrainingOptions => new(Epochs: Epochs, Seed: Seed, Threads: Threads);

    public override Spectre.Console.ValidationResult Validate() =>
        Epochs < 1 ? Spectre.Console.ValidationResult.Error("--epochs must be at least 1")
        : Threads < 0 ? Spectre.Console.ValidationResult.Error("--threads must be >= 0")
        : Spectre.Console.ValidationResult.Success();

    /// <summary>Licence limits of a gate trained on the redistributable part of the shared data.</summary>
    public const string Licence = "trained on SPIDER (CC BY 4.0, van der Graaf et al., Sci Data 2024), the SCT lumbar volume (MIT), the TotalSegmentator " +
        "example CT and MR (Apache-2.0) and the DICOM test corpora (MIT/MS-PL/BSD); AASCE and FMRP (research use only) and vesal (origin unknown) are test data, never trained on; " +
        "research decision support only, not for diagnosis";
}
