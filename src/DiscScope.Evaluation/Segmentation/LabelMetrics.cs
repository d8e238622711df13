namespace DiscScope.Evaluation;

/// <summary>Overlap and surface-distance metrics of one label (or one merged class, then <paramref name="Label"/> is null).</summary>
/// <param name="Label">The label value (SPIDER convention), or null for a merged class.</param>
/// <param name="Overlap">Voxel counts and Dice.</param>
/// <param name="Surface">HD95, Hausdorff and ASSD in mm.</param>
public sealed record LabelMetrics(short? Label, OverlapResult Overlap, SurfaceDistanceResult Surface);
