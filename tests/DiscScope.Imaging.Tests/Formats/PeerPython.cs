using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>
/// The python3 that has the peer modules (nibabel, numpy). Debian's python3-nibabel lives in /usr/bin/python3, which may not be
/// the first python3 on PATH (pyenv shims), so both are tried.
/// </summary>
public static class PeerPython
{
    private static readonly Lazy<string?> WithNibabel = new(() => Find("import nibabel, numpy"));
    private static readonly Lazy<string?> WithNumpy = new(() => Find("import numpy"));
    private static readonly Lazy<string?> AnyPython = new(() => Find("import zlib, json, struct"));

    /// <summary>A python3 that imports nibabel and numpy, or null.</summary>
    public static string? Nibabel => WithNibabel.Value;

    /// <summary>A python3 that imports numpy, or null.</summary>
    public static string? Numpy => WithNumpy.Value;

    /// <summary>A python3 with the standard library only, or null.</summary>
    public static string? Plain => AnyPython.Value;

    /// <summary>Full path of a script in tests/tools.</summary>
    public static string Tool(string name) => Path.Combine(SharedData.RepoRoot, "tests", "tools", name);

    private static string? Find(string import)
    {
        foreach (var p in new[] { "python3", "/usr/bin/python3" })
        {
            if (p.StartsWith('/') ? !File.Exists(p) : !PeerTool.Exists(p)) continue;
            try
            {
                if (PeerTool.Run(p, ["-c", import], 60_000).ExitCode == 0) return p;
            }
            catch (System.ComponentModel.Win32Exception) { }
        }
        return null;
    }
}
