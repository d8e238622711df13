using DiscScope.Domain.Quantities;

namespace DiscScope.Domain.Measurements;

/// <summary>Heights of a vertebral body or disc at its anterior, middle and posterior stations (mm).</summary>
public sealed record VertebralHeights(Millimetres Anterior, Millimetres Middle, Millimetres Posterior)
{
    /// <summary>Mean of the three heights.</summary>
    public Millimetres Mean => new((Anterior.Value + Middle.Value + Posterior.Value) / 3);
}
