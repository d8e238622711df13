namespace DiscScope.Imaging.Formats;

/// <summary>An explicit list of formats; picks one by file name ending, else by content.</summary>
public sealed class FormatRegistry
{
    private readonly List<IVolumeFormat> _formats = [];

    public IReadOnlyList<IVolumeFormat> Formats => _formats;

    public FormatRegistry Add(IVolumeFormat format) { _formats.Add(format); return this; }

    /// <summary>The format whose extension the path ends with (longest match), or null.</summary>
    public IVolumeFormat? ByExtension(string path)
    {
        var lower = path.ToLowerInvariant();
        return _formats.SelectMany(f => f.Extensions.Select(e => (f, e)))
            .Where(x => lower.EndsWith(x.e, StringComparison.Ordinal))
            .OrderByDescending(x => x.e.Length).Select(x => x.f).FirstOrDefault();
    }

    /// <summary>Picks the reader for a file (extension first, then content sniffing).</summary>
    public IVolumeFormat ForReading(string path)
    {
        if (!File.Exists(path)) throw new ImageFormatException(path, "file not found");
        var byExt = ByExtension(path);
        if (byExt is not null) return byExt;
        var head = new byte[512];
        int n;
        using (var fs = File.OpenRead(path)) n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return _formats.FirstOrDefault(f => f.Detect(head.AsSpan(0, n)))
            ?? throw new ImageFormatException(path, "unknown image format");
    }

    public IVolume Read(string path, ReadOptions? options = null) => ForReading(path).Read(path, options ?? ReadOptions.Default);

    public void Write(IVolume volume, string path)
    {
        var f = ByExtension(path) ?? throw new ImageFormatException(path, "no writable format for this file name");
        if (!f.CanWrite) throw new ImageFormatException(path, $"format {f.Name} is read-only");
        f.Write(volume, path);
    }
}
