using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;

namespace DiscScope.Domain.Reports;

/// <summary>
/// The one internal report model: every renderer (JSON "discscope.report/1", HTML, PDF, DICOM SR, SEG, FHIR, CSV) reads this.
/// <see cref="CannotAssess"/> holds the reason when the input could not be assessed (then <see cref="Levels"/> is empty).
/// </summary>
public sealed record StudyReport
{
    public const string SchemaId = "discscope.report/1";

    public required StudySource Source { get; init; }
    public required string SoftwareVersion { get; init; }
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    public IReadOnlyList<ModelInfo> Models { get; init; } = [];
    public string? CannotAssess { get; init; }
    public IReadOnlyList<LevelReport> Levels { get; init; } = [];
    public IReadOnlyList<VertebraMeasurement> Vertebrae { get; init; } = [];
    public Degrees? LumbarLordosis { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Relative path of the mid-sagittal overlay image (segmentation + level labels), if written.</summary>
    public string? OverviewImage { get; init; }

    public const string Disclaimer = "Decision support, not a diagnosis: every finding must be confirmed by a qualified reader.";
}
