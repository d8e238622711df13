namespace DiscScope.Cli.Commands;

/// <summary>Resolves the shared data folder: --data, else DISCSCOPE_DATA, else ../shared/data.</summary>
internal static class DataFolder
{
    public static string Resolve(string? option)
    {
        var d = !string.IsNullOrEmpty(option) ? option : Environment.GetEnvironmentVariable("DISCSCOPE_DATA") is { Length: > 0 } e ? e : Path.Combine("..", "shared", "data");
        if (!Directory.Exists(d)) throw new InputException($"{d}: data folder not found (use --data or DISCSCOPE_DATA)");
        return Path.GetFullPath(d);
    }
}
