using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>The real volumes in the shared data the format tests run over, as paths relative to the data folder (read in place, never copied).</summary>
public static class RealFiles
{
    /// <summary>Every .mha under mri3d.</summary>
    public static IReadOnlyList<string> MetaImages => Find("*.mha", "mri3d");

    /// <summary>Every .nii.gz under ct and mri3d.</summary>
    public static IReadOnlyList<string> Niftis => Find("*.nii.gz", "ct", "mri3d");

    /// <summary>RGB24 NIfTI files: DiscScope has no colour voxel type and refuses them with a reason.</summary>
    public static bool IsRgb(string relative) => relative.EndsWith("spine_report.nii.gz", StringComparison.Ordinal);

    public static string Full(string relative) => SharedData.Path(relative.Split('/'));

    public static TheoryData<string> MetaImageData() => Data(MetaImages);
    public static TheoryData<string> NiftiData() => Data(Niftis);
    public static TheoryData<string> AllData() => Data([.. MetaImages, .. Niftis]);

    private static TheoryData<string> Data(IReadOnlyList<string> files)
    {
        var d = new TheoryData<string>();
        foreach (var f in files) d.Add(f);
        if (files.Count == 0) d.Add("(no data)"); // a skipped theory still needs one row
        return d;
    }

    private static List<string> Find(string pattern, params string[] folders)
    {
        if (SharedData.Folder is not { } root) return [];
        var r = new List<string>();
        foreach (var f in folders)
        {
            var dir = Path.Combine(root, f);
            if (!Directory.Exists(dir)) continue;
            r.AddRange(Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')));
        }
        r.Sort(StringComparer.Ordinal);
        return r;
    }
}
