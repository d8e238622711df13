using System.Text.Json;
using System.Text.Json.Serialization;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.MetaImage;

/// <summary>One file's entry from tests/tools/metaimage_reference.py (an independent zlib + numpy reading).</summary>
public sealed record MetaImageReference
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("dim_size")] public int[] DimSize { get; init; } = [];
    [JsonPropertyName("element_type")] public string ElementType { get; init; } = "";
    [JsonPropertyName("spacing")] public double[]? Spacing { get; init; }
    [JsonPropertyName("offset")] public double[]? Offset { get; init; }
    [JsonPropertyName("transform")] public double[]? Transform { get; init; }
    [JsonPropertyName("count")] public long Count { get; init; }
    [JsonPropertyName("sum")] public double Sum { get; init; }
    [JsonPropertyName("min")] public double Min { get; init; }
    [JsonPropertyName("max")] public double Max { get; init; }

    public static Dictionary<string, MetaImageReference> For(IEnumerable<string> files)
    {
        var python = PeerPython.Numpy ?? throw new InvalidOperationException("python3 with numpy not found");
        var json = PeerTool.RunOk(python, [PeerPython.Tool("metaimage_reference.py"), .. files]);
        return (JsonSerializer.Deserialize<List<MetaImageReference>>(json) ?? []).ToDictionary(r => r.File);
    }
}
