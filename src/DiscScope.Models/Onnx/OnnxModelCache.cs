using System.Collections.Concurrent;

namespace DiscScope.Models.Onnx;

/// <summary>
/// One <see cref="OnnxModel"/> session per model file, loaded on first use and kept until disposed. A host (CLI, server) owns one
/// cache; a file changed on disk (newer write time or other size) is reloaded on the next <see cref="Get"/>.
/// </summary>
public sealed class OnnxModelCache(InferenceOptions? options = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _models = new(StringComparer.Ordinal);
    private readonly InferenceOptions _options = options ?? InferenceOptions.Default;

    private sealed record Entry(OnnxModel Model, DateTime WriteTimeUtc, long Size);

    /// <summary>Number of sessions held.</summary>
    public int Count => _models.Count;

    /// <summary>The cached session for <paramref name="path"/>, loading it when absent or changed on disk.</summary>
    public OnnxModel Get(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new ModelException(path, "model file not found");
        while (true)
        {
            var lazy = _models.GetOrAdd(full, p => new Lazy<Entry>(() => new Entry(OnnxModel.Load(p, _options), info.LastWriteTimeUtc, info.Length)));
            Entry e;
            try { e = lazy.Value; }
            catch { _models.TryRemove(new KeyValuePair<string, Lazy<Entry>>(full, lazy)); throw; }
            if (e.WriteTimeUtc == info.LastWriteTimeUtc && e.Size == info.Length) return e.Model;
            if (_models.TryRemove(new KeyValuePair<string, Lazy<Entry>>(full, lazy))) e.Model.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var l in _models.Values) if (l.IsValueCreated) l.Value.Model.Dispose();
        _models.Clear();
    }
}
