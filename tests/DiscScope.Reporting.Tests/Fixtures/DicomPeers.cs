using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Fixtures;

/// <summary>dicom3tools' dciodvfy: runs it and returns its error lines (it writes "Error - ..." / "Warning - ..." lines to stderr).</summary>
public static class DicomPeers
{
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Dciodvfy(string path)
    {
        var (_, so, se) = PeerTool.Run("dciodvfy", [path]);
        var lines = (so + "\n" + se).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList(),
                lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList());
    }

    /// <summary>Writes the renderers' outputs of a context into the folder and returns the paths (json, sr, seg).</summary>
    public static (string Json, string Sr, string Seg) Write(ReportContext ctx, string folder)
    {
        var reg = ReportRendererRegistry.CreateDefault();
        string W(string format)
        {
            var r = reg.Get(format);
            var path = Path.Combine(folder, r.FileName);
            using var fs = File.Create(path);
            r.Render(ctx, fs);
            return path;
        }
        return (W("json"), W("sr"), W("seg"));
    }
}
