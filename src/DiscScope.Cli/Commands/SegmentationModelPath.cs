namespace DiscScope.Cli.Commands;

/// <summary>Finds the shipped segmentation model: --model, else DISCSCOPE_MODELS/segmentation/spine-seg.onnx, else models/segmentation/spine-seg.onnx
/// in the current folder or above the executable.</summary>
internal static class SegmentationModelPath
{
    public const string Relative = "models/segmentation/spine-seg.onnx";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrEmpty(option))
            return File.Exists(option) ? option : throw new InputException($"{option}: model file not found");
        var env = Environment.GetEnvironmentVariable("DISCSCOPE_MODELS");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "segmentation", "spine-seg.onnx"))) return Path.Combine(env, "segmentation", "spine-seg.onnx");
        if (File.Exists(Relative)) return Relative;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, Relative))) return Path.Combine(d.FullName, Relative);
        throw new InputException($"segmentation model not found ({Relative}); pass --model");
    }
}
