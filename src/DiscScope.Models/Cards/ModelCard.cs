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

/// <summary>A data set a model was trained on.</summary>
/// <param name="Name">e.g. "SPIDER lumbar MRI (van der Graaf et al. 2024)".</param>
/// <param name="Licence">e.g. "CC BY 4.0".</param>
/// <param name="LicenceLimits">What the licence forbids or requires of the weights (attribution, non-commercial, no redistribution).</param>
/// <param name="Cases">Patients or series used.</param>
public sealed record DataSource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("licence_limits")] string LicenceLimits = "",
    [property: JsonPropertyName("cases")] int Cases = 0);

/// <summary>How cases were split (by patient), and how many went where.</summary>
public sealed record DataSplits(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("train")] int Train,
    [property: JsonPropertyName("validation")] int Validation,
    [property: JsonPropertyName("test")] int Test);

/// <summary>A measured metric with its confidence interval.</summary>
/// <param name="Name">e.g. "dice_disc".</param>
/// <param name="Value">Point estimate.</param>
/// <param name="CiLow">Lower bound of the interval.</param>
/// <param name="CiHigh">Upper bound of the interval.</param>
/// <param name="CiMethod">e.g. "95% patient-level bootstrap, 2000 resamples".</param>
/// <param name="Split">"validation" or "test".</param>
/// <param name="N">Cases the estimate rests on.</param>
public sealed record MetricEstimate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("ci_low")] double? CiLow,
    [property: JsonPropertyName("ci_high")] double? CiHigh,
    [property: JsonPropertyName("ci_method")] string CiMethod,
    [property: JsonPropertyName("split")] string Split,
    [property: JsonPropertyName("n")] int N);
