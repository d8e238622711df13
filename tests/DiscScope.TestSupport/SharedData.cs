namespace DiscScope.TestSupport;

/// <summary>Finds ../shared/data: environment variable DISCSCOPE_DATA, else ../shared/data above the repository root.</summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The data folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    public static bool Available => Folder is not null;

    public const string AbsentReason = "shared data folder absent (set DISCSCOPE_DATA or place ../shared/data beside the repository)";

    /// <summary>Path inside the data folder; throws if the folder is absent (use DataFact to skip instead).</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Folder ?? throw new InvalidOperationException(AbsentReason), .. parts]);

    /// <summary>The repository root (folder holding Directory.Build.props).</summary>
    public static string RepoRoot
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(System.IO.Path.Combine(d.FullName, "Directory.Build.props"))) d = d.Parent;
            return d?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DISCSCOPE_DATA");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? System.IO.Path.GetFullPath(env) : null;
        try
        {
            var p = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));
            return Directory.Exists(p) ? p : null;
        }
        catch (InvalidOperationException) { return null; }
    }
}
