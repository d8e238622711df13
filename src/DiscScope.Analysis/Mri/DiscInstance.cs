using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// One intervertebral disc found on the mid-sagittal slice: its level, label value (200 + SPIDER IVD label), centroid (mm; x anterior->posterior,
/// y superior->inferior), area (mm²) and the unit normal of its mid-plane pointing superior (NormalY &lt; 0).
/// </summary>
public sealed record DiscInstance(DiscLevel Level, short Label, double CentroidXMm, double CentroidYMm, double AreaMm2, double NormalXMm, double NormalYMm)
{
    /// <summary>SPIDER's IVD label k (1 = L5-S1), the join key of gradings.csv.</summary>
    public int SpiderIvdLabel => Label - Domain.Anatomy.SpineLabel.DiscBase;
}
