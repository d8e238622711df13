using System.Text.Json.Nodes;
using DiscScope.TestSupport;

namespace DiscScope.Dicom.Tests.Support;

/// <summary>
/// pydicom's verdict, JSON model and pixel array for each corpus file, produced once per test run by
/// tests/tools/pydicom_reference.py into a temporary folder (reference data is never committed).
/// </summary>
public sealed class PydicomReference
{
    private static readonly Lazy<PydicomReference> Shared = new(() => new PydicomReference());
    public static PydicomReference Instance => Shared.Value;

    private readonly TempDir _dir = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private PydicomReference()
    {
        var list = _dir.File("list.txt");
        File.WriteAllLines(list, Corpus.Files);
        for (var i = 0; i < Corpus.Files.Count; i++) _index[Corpus.Files[i]] = i;
        var script = Path.Combine(SharedData.RepoRoot, "tests", "tools", "pydicom_reference.py");
        var (code, _, err) = PeerTool.Run(Corpus.Python, [script, list, _dir.Path]);
        if (code != 0) throw new InvalidOperationException("pydicom_reference.py failed: " + err);
    }

    public sealed record Entry(string Status, string? Error, JsonObject? Dataset, string? Pixels, string? NpyPath);

    public Entry For(string path)
    {
        var n = _index[path];
        var j = JsonNode.Parse(File.ReadAllText(_dir.File($"{n}.json")))!.AsObject();
        var npy = _dir.File($"{n}.npy");
        return new Entry((string)j["status"]!, (string?)j["error"], j["dataset"] as JsonObject, (string?)j["pixels"], File.Exists(npy) ? npy : null);
    }
}
