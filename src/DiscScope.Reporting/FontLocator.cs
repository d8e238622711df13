namespace DiscScope.Reporting;

/// <summary>
/// Finds the TrueType fonts the PNG and PDF renderers draw with: DejaVu Sans (Debian fonts-dejavu-core), searched in
/// $DISCSCOPE_FONT_DIR, then /usr/share/fonts/truetype/dejavu, then /usr/share/fonts (recursively). Fails with a
/// <see cref="ReportingException"/> naming the package to install when none is found.
/// </summary>
public static class FontLocator
{
    public const string Regular = "DejaVuSans.ttf";
    public const string Bold = "DejaVuSans-Bold.ttf";

    public static string Find(string fileName)
    {
        var dirs = new[] { Environment.GetEnvironmentVariable("DISCSCOPE_FONT_DIR"), "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts" };
        foreach (var d in dirs)
        {
            if (string.IsNullOrEmpty(d) || !Directory.Exists(d)) continue;
            var direct = Path.Combine(d, fileName);
            if (File.Exists(direct)) return direct;
            var found = Directory.EnumerateFiles(d, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null) return found;
        }
        throw new ReportingException("fonts",
            $"font {fileName} not found in $DISCSCOPE_FONT_DIR, /usr/share/fonts/truetype/dejavu or /usr/share/fonts; install Debian package fonts-dejavu-core");
    }
}
