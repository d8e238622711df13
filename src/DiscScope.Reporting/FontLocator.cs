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

    /// <summary>The default search folders, in order.</summary>
    public static IReadOnlyList<string?> DefaultFolders =>
        [Environment.GetEnvironmentVariable("DISCSCOPE_FONT_DIR"), "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts"];

    public static string Find(string fileName) => Find(fileName, DefaultFolders);

    /// <summary>The first file named <paramref name="fileName"/> in the folders (each searched recursively).</summary>
    public static string Find(string fileName, IEnumerable<string?> folders)
    {
        foreach (var d in folders)
        {
            if (string.IsNullOrEmpty(d) || !Directory.Exists(d)) continue;
            var direct = Path.Combine(d, fileName);
            if (File.Exists(direct)) return direct;
            var found = Directory.EnumerateFiles(d, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null) return found;
        }
        throw new ReportingException("fonts",
            $"font {fileName} not found in {string.Join(", ", folders.Where(f => !string.IsNullOrEmpty(f)))}; install the Debian package fonts-dejavu-core (or set DISCSCOPE_FONT_DIR)");
    }
}
