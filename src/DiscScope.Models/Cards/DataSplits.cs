using System.Text.Json.Serialization;

namespace DiscScope.Models.Cards;

/// <summary>How cases were split (by patient), and how many went where.</summary>
public sealed record DataSplits(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("train")] int Train,
    [property: JsonPropertyName("validation")] int Validation,
    [property: JsonPropertyName("test")] int Test);
