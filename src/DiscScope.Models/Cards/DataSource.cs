using System.Text.Json.Serialization;

namespace DiscScope.Models.Cards;

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
