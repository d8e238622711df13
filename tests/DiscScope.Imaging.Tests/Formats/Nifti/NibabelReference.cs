using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscScope.Imaging.Tests.Formats.Nifti;

/// <summary>One file's entry in the JSON of tests/tools/nibabel_reference.py (values computed by nibabel).</summary>
public sealed record NibabelReference
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("affine")] public double[][] Affine { get; init; } = [];
    [JsonPropertyName("qform")] public double[][]? Qform { get; init; }
    [JsonPropertyName("sform")] public double[][]? Sform { get; init; }
    [JsonPropertyName("qform_code")] public int QformCode { get; init; }
    [JsonPropertyName("sform_code")] public int SformCode { get; init; }
    [JsonPropertyName("shape")] public int[] Shape { get; init; } = [];
    [JsonPropertyName("dtype")] public string Dtype { get; init; } = "";
    [JsonPropertyName("sum")] public double Sum { get; init; }
    [JsonPropertyName("sum_abs")] public double SumAbs { get; init; }

    /// <summary>Runs the reference script over files and returns its entries by full path.</summary>
    public static Dictionary<string, NibabelReference> For(IEnumerable<string> files)
    {
        var python = PeerPython.Nibabel ?? throw new InvalidOperationException("python3 with nibabel not found");
        var json = DiscScope.TestSupport.PeerTool.RunOk(python, [PeerPython.Tool("nibabel_reference.py"), "reference", .. files]);
        var list = JsonSerializer.Deserialize<List<NibabelReference>>(json) ?? throw new InvalidOperationException("empty reference JSON");
        return list.ToDictionary(r => r.File);
    }
}
