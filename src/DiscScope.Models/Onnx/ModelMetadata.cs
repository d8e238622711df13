using System.Globalization;
using System.Text.Json;

namespace DiscScope.Models.Onnx;

/// <summary>What a DiscScope ONNX model says about itself, stored in metadata_props under <see cref="MetadataKeys"/>.</summary>
/// <param name="Name">Model name, e.g. "spine-seg-t2-sag".</param>
/// <param name="Version">Semantic version of the weights.</param>
/// <param name="Task">"segmentation", "heatmap" or "classification".</param>
/// <param name="Architecture">e.g. "unet2d(depth=4, base=16)".</param>
/// <param name="TrainingData">Data sets and splits the weights were trained on.</param>
/// <param name="Normalization">Input normalisation to apply before inference.</param>
/// <param name="LabelMap">Head name -> class labels (index = class id).</param>
/// <param name="Description">Free text: what the model does.</param>
/// <param name="Licence">Licence limits inherited from the training data.</param>
/// <param name="SizeMultiple">Spatial input sizes must be multiples of this (2^(depth-1) for a U-Net); 1 when any size works.</param>
public sealed record ModelMetadata(
    string Name,
    string Version,
    string Task,
    string Architecture = "",
    string TrainingData = "",
    InputNormalization? Normalization = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? LabelMap = null,
    int SizeMultiple = 1,
    string Description = "",
    string Licence = "")
{
    /// <summary>The metadata_props entries (key -> value) that encode this record.</summary>
    public IReadOnlyDictionary<string, string> ToProperties()
    {
        var d = new Dictionary<string, string>
        {
            [MetadataKeys.Name] = Name,
            [MetadataKeys.Version] = Version,
            [MetadataKeys.Task] = Task,
            [MetadataKeys.Architecture] = Architecture,
            [MetadataKeys.TrainingData] = TrainingData,
            [MetadataKeys.Description] = Description,
            [MetadataKeys.Licence] = Licence,
            [MetadataKeys.SizeMultiple] = SizeMultiple.ToString(CultureInfo.InvariantCulture),
            [MetadataKeys.InputNormalization] = JsonSerializer.Serialize(Normalization ?? new InputNormalization()),
            [MetadataKeys.LabelMap] = JsonSerializer.Serialize(LabelMap ?? new Dictionary<string, IReadOnlyList<string>>()),
        };
        return d;
    }

    /// <summary>Reads the record back from metadata_props; throws <see cref="ModelException"/> naming a missing or malformed key.</summary>
    public static ModelMetadata FromProperties(string model, IReadOnlyDictionary<string, string> p)
    {
        string Req(string k) => p.TryGetValue(k, out var v) ? v : throw new ModelException(model, $"metadata_props lacks '{k}'");
        string Opt(string k) => p.TryGetValue(k, out var v) ? v : "";
        try
        {
            var norm = p.TryGetValue(MetadataKeys.InputNormalization, out var n) ? JsonSerializer.Deserialize<InputNormalization>(n) : null;
            var labels = p.TryGetValue(MetadataKeys.LabelMap, out var l)
                ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(l)?.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value)
                : null;
            var mult = p.TryGetValue(MetadataKeys.SizeMultiple, out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : 1;
            return new ModelMetadata(Req(MetadataKeys.Name), Req(MetadataKeys.Version), Req(MetadataKeys.Task), Opt(MetadataKeys.Architecture),
                Opt(MetadataKeys.TrainingData), norm, labels, mult, Opt(MetadataKeys.Description), Opt(MetadataKeys.Licence));
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException)
        {
            throw new ModelException(model, "malformed DiscScope metadata_props: " + e.Message, e);
        }
    }
}
