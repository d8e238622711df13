using DiscScope.Domain.Anatomy;

namespace DiscScope.Domain.Measurements;

/// <summary>
/// Vertebral body morphometry on the mid-sagittal slice. <see cref="WedgeRatio"/> = anterior / posterior height,
/// <see cref="CrushRatio"/> = middle / posterior height (Genant-style semi-quantitative ratios); a ratio below 0.8 is flagged.
/// </summary>
public sealed record VertebraMeasurement(VertebraLevel Level, VertebralHeights Heights)
{
    public const double DeformityThreshold = 0.8;
    public double WedgeRatio => Heights.Anterior.Value / Heights.Posterior.Value;
    public double CrushRatio => Heights.Middle.Value / Heights.Posterior.Value;
    public bool DeformityFlag => WedgeRatio < DeformityThreshold || CrushRatio < DeformityThreshold;
}
