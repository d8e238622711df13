using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiscScope.TestSupport;

/// <summary>
/// Runs tests/tools/metrics_reference.py (scikit-learn, scipy, numpy through Debian's python3) on cases built by a test (metrics,
/// calibration, logistic regression),
/// and returns one JSON object per case. The peers, not DiscScope, produce every golden value compared against.
/// </summary>
public static class ReferencePeer
{
    public static string Script => Path.Combine(SharedData.RepoRoot, "tests", "tools", "metrics_reference.py");

    public static IReadOnlyList<JsonElement> Run(params object[] cases)
    {
        using var dir = new TempDir();
        var request = dir.File("request.json");
        File.WriteAllText(request, JsonSerializer.Serialize(new { cases }));
        var stdout = PeerTool.RunOk(PeerTool.Python, Script, request);
        using var doc = JsonDocument.Parse(stdout);
        return [.. doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>A mask as the '0'/'1' string the script reads (C order of numpy = DiscScope's i-fastest order).</summary>
    public static string Bits(bool[] voxels) => string.Create(voxels.Length, voxels, (span, v) => { for (var n = 0; n < v.Length; n++) span[n] = v[n] ? '1' : '0'; });

    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
}
