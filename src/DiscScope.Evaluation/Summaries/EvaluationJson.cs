using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscScope.Evaluation;

/// <summary>The JSON shape of evaluation results: camelCase properties, enums as strings, indented, nulls written.</summary>
public static class EvaluationJson
{
    /// <summary>Serializer options for every evaluation record (MetricWithCi, summaries, fold splits, segmentation results).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The value as JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A value read back from JSON text written by <see cref="Serialize{T}"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new EvaluationException("JSON text holds null");

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        o.MakeReadOnly(populateMissingResolver: true); // shared: nobody may change the house shape at run time
        return o;
    }
}
