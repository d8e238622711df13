namespace DiscScope.Models;

/// <summary>The file convention for an ensemble: a model file and the files named <c>&lt;stem&gt;.member-*.onnx</c> beside it.</summary>
public static class EnsembleMembers
{
    /// <summary>The model file itself, then its members in ordinal order of their names.</summary>
    public static IReadOnlyList<string> Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var stem = Path.GetFileNameWithoutExtension(path);
        return [path, .. Directory.GetFiles(dir, stem + ".member-*.onnx").Order(StringComparer.Ordinal)];
    }
}
