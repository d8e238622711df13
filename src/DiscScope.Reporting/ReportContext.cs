using DiscScope.Domain.Reports;

namespace DiscScope.Reporting;

/// <summary>
/// What every renderer reads: the report model, optionally the images behind it (for the overview picture and the SEG),
/// the folder that relative paths in the report (heatmaps, overview image) are resolved against, and the UIDs of derived
/// DICOM objects.
/// </summary>
public sealed record ReportContext(StudyReport Report)
{
    public ReportImages? Images { get; init; }

    /// <summary>Folder against which <see cref="LevelReport.Heatmaps"/> and <see cref="StudyReport.OverviewImage"/> are resolved.</summary>
    public string? BaseDirectory { get; init; }

    public DerivedUids Uids { get; init; } = DerivedUids.New();

    /// <summary>Reads a file the report refers to by relative path; throws <see cref="ReportingException"/> when it is missing.</summary>
    public byte[] ReadReferencedFile(string format, string relativePath)
    {
        var path = Path.IsPathRooted(relativePath) ? relativePath : Path.Combine(BaseDirectory ?? ".", relativePath);
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportingException(format, $"cannot read {path}: {e.Message}", e);
        }
    }
}
