namespace DiscScope.Cli;

/// <summary>
/// Finds the shipped models: an explicit path, else DISCSCOPE_MODELS, else the first models/ folder above the executable (the repository's
/// models/ when run from source).
/// </summary>
public static class ModelLocator
{
    public const string Segmentation = "segmentation/spine-seg.onnx";
    public const string Grading = "grading/disc-grading.onnx";

    public static string? Find(string relative, string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath)) return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new InputException($"{explicitPath}: model not found");
        if (Environment.GetEnvironmentVariable("DISCSCOPE_MODELS") is { Length: > 0 } env && File.Exists(Path.Combine(env, relative))) return Path.GetFullPath(Path.Combine(env, relative));
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "models", relative);
            if (File.Exists(p)) return p;
        }
        return null;
    }
}
