using DiscScope.TestSupport;

namespace DiscScope.Dicom.Tests.Support;

/// <summary>The DICOM test corpus: every file under ../shared/data/dicom (read in place, never copied).</summary>
public static class Corpus
{
    public static string Root => SharedData.Path("dicom");

    private static readonly Lazy<string[]> AllFiles = new(() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());

    public static IReadOnlyList<string> Files => AllFiles.Value;

    /// <summary>Path relative to the corpus root, for messages.</summary>
    public static string Rel(string path) => Path.GetRelativePath(Root, path);

    /// <summary>python3 with pydicom: Debian's interpreter (a pyenv shim earlier on PATH may lack the Debian packages).</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
