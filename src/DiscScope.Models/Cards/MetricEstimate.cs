using System.Text.Json.Serialization;

namespace DiscScope.Models.Cards;

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
