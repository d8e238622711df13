namespace DiscScope.Reporting;

/// <summary>
/// Writes one report file all or nothing: the renderer writes to a temporary file beside the target, which replaces the target only
/// when rendering succeeded. A renderer that fails half-way (e.g. on a value it refuses to write) leaves no truncated report behind,
/// and an earlier complete file of that name is kept.
/// </summary>
public static class ReportFile
{
    public static void Write(string path, Action<Stream> render)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(render);
        var temp = path + ".partial";
        try
        {
            using (var fs = File.Create(temp)) render(fs);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
