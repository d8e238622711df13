using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscScope.Models.Cards;

/// <summary>
/// The card shipped beside each model under models/ as "&lt;model&gt;.card.json" (Mitchell et al. 2019, "Model Cards for Model
/// Reporting"): what the model is for, what it was trained and tested on, how well it did with confidence intervals, and the licence limits
/// it inherits from its training data. <see cref="Validate"/> lists what is missing.
/// </summary>
public sealed record ModelCard
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    /// <summary>Model file name relative to the card.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }
    /// <summary>"segmentation", "heatmap" or "classification".</summary>
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("architecture")] public string Architecture { get; init; } = "";
    [JsonPropertyName("intended_use")] public required string IntendedUse { get; init; }
    [JsonPropertyName("out_of_scope")] public string OutOfScope { get; init; } = "";
    [JsonPropertyName("training_data")] public required IReadOnlyList<DataSource> TrainingData { get; init; }
    [JsonPropertyName("splits")] public required DataSplits Splits { get; init; }
    [JsonPropertyName("metrics")] public required IReadOnlyList<MetricEstimate> Metrics { get; init; }
    [JsonPropertyName("limitations")] public string Limitations { get; init; } = "";
    /// <summary>Licence of the weights, which may not be looser than the training data allow.</summary>
    [JsonPropertyName("licence")] public required string Licence { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ModelCard Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(System.IO.File.ReadAllText(path), Json) ?? throw new ModelException(path, "empty model card");
        }
        catch (JsonException e) { throw new ModelException(path, "malformed model card: " + e.Message, e); }
    }

    public void Save(string path) => System.IO.File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Problems that make the card incomplete; empty when it is complete.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new List<string>();
        void Need(string value, string what) { if (string.IsNullOrWhiteSpace(value)) p.Add($"{what} is empty"); }
        Need(Name, "name"); Need(Version, "version"); Need(File, "file"); Need(Task, "task"); Need(IntendedUse, "intended_use"); Need(Licence, "licence");
        if (TrainingData.Count == 0) p.Add("training_data lists no data set");
        foreach (var d in TrainingData) { Need(d.Name, "training_data.name"); Need(d.Licence, $"licence of {d.Name}"); }
        Need(Splits.Method, "splits.method");
        if (Splits.Train <= 0) p.Add("splits.train must count the training cases");
        if (Metrics.Count == 0) p.Add("metrics lists no metric");
        foreach (var m in Metrics)
        {
            Need(m.Name, "metric name"); Need(m.Split, $"split of metric {m.Name}");
            if (m.CiLow is not { } lo || m.CiHigh is not { } hi) p.Add($"metric {m.Name} has no confidence interval");
            else if (!(lo <= m.Value && m.Value <= hi)) p.Add($"metric {m.Name}: {m.Value} lies outside its interval [{lo}, {hi}]");
        }
        return p;
    }
}
