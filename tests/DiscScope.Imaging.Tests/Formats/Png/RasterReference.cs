using System.Text.Json;
using System.Text.Json.Serialization;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Png;

/// <summary>One file's entry from tests/tools/raster_reference.py (an independent PNG decoder and JPEG size parser in python).</summary>
public sealed record RasterReference
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("width")] public int Width { get; init; }
    [JsonPropertyName("height")] public int Height { get; init; }
    [JsonPropertyName("bit_depth")] public int BitDepth { get; init; }
    [JsonPropertyName("color_type")] public int ColorType { get; init; }
    [JsonPropertyName("sum")] public long? Sum { get; init; }
    [JsonPropertyName("first_row")] public int[]? FirstRow { get; init; }

    public static Dictionary<string, RasterReference> For(bool sizeOnly, IEnumerable<string> files)
    {
        var python = PeerPython.Plain ?? throw new InvalidOperationException("python3 not found");
        string[] args = [PeerPython.Tool("raster_reference.py"), .. sizeOnly ? new[] { "--size" } : [], .. files];
        var json = PeerTool.RunOk(python, args);
        return (JsonSerializer.Deserialize<List<RasterReference>>(json) ?? []).ToDictionary(r => r.File);
    }
}
