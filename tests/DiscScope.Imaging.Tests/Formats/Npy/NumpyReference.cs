using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Npy;

/// <summary>One array from tests/tools/numpy_npy_reference.py: shape, dtype and C-order values as numpy sees them.</summary>
public sealed record NumpyReference
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("shape")] public long[] Shape { get; init; } = [];
    [JsonPropertyName("dtype")] public string Dtype { get; init; } = "";
    [JsonPropertyName("values")] public JsonElement[] Values { get; init; } = [];

    /// <summary>Value n as a decimal string with no precision lost (64-bit integers come as strings, the rest as doubles).</summary>
    public string Text(int n) => Values[n].ValueKind == JsonValueKind.String ? Values[n].GetString()! : Values[n].GetDouble().ToString("R", CultureInfo.InvariantCulture);

    public static List<NumpyReference> Run(params string[] args)
    {
        var python = PeerPython.Numpy ?? throw new InvalidOperationException("python3 with numpy not found");
        var json = PeerTool.RunOk(python, [PeerPython.Tool("numpy_npy_reference.py"), .. args]);
        return JsonSerializer.Deserialize<List<NumpyReference>>(json) ?? [];
    }
}
