using DiscScope.Domain.Reports;
using DiscScope.Reporting.Images;

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

    private byte[]? _overview;
    private bool _overviewDone;

    /// <summary>The mid-sagittal overview picture (PNG), rendered once from <see cref="Images"/> and shared by every renderer, else read
    /// from <see cref="StudyReport.OverviewImage"/>; null when there is neither.</summary>
    public byte[]? OverviewPng(string format)
    {
        if (_overviewDone) return _overview;
        _overview = Images is { } im ? OverviewImage.Render(im) : Report.OverviewImage is { } p ? ReadReferencedFile(format, p) : null;
        _overviewDone = true;
        return _overview;
    }

    /// <summary>The full path of a file the report refers to; throws <see cref="ReportingException"/> when the path is absolute or leaves
    /// <see cref="BaseDirectory"/>.</summary>
    public string ReferencedPath(string format, string relativePath)
    {
        var baseDir = Path.GetFullPath(BaseDirectory ?? ".");
        var path = Path.GetFullPath(Path.Combine(baseDir, relativePath));
        if (Path.IsPathRooted(relativePath) || !path.StartsWith(baseDir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ReportingException(format, $"'{relativePath}' is not a path inside the report folder {baseDir}");
        return path;
    }

    /// <summary>Checks every path the report refers to (heatmaps, overview image) with <see cref="ReferencedPath"/>, so that a report
    /// pointing outside its folder is refused before any output is written.</summary>
    public void CheckReferencedPaths(string format)
    {
        if (Report.OverviewImage is { } o) ReferencedPath(format, o);
        foreach (var p in Report.Levels.SelectMany(l => l.Heatmaps.Values)) ReferencedPath(format, p);
    }

    /// <summary>
    /// Reads a file the report refers to by relative path. Throws <see cref="ReportingException"/> when it is missing, or
    /// when the path is absolute or leaves <see cref="BaseDirectory"/> (a report must not pull arbitrary files into its outputs).
    /// </summary>
    public byte[] ReadReferencedFile(string format, string relativePath)
    {
        var path = ReferencedPath(format, relativePath);
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportingException(format, $"cannot read {path}: {e.Message}", e);
        }
    }
}
