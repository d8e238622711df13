namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Geometry of a disc-centred crop: <see cref="Width"/> pixels along the disc's anterior-posterior axis, <see cref="Height"/> along its
/// normal, at <see cref="SpacingMm"/>. Defaults (96 x 64 at 0.625 mm = 60 x 40 mm) hold the disc, both endplates and the adjacent
/// marrow (for Modic) and the canal behind the disc (for herniation).
/// </summary>
public sealed record DiscCropOptions
{
    public static DiscCropOptions Default { get; } = new();
    public int Width { get; init; } = 96;
    public int Height { get; init; } = 64;
    public double SpacingMm { get; init; } = 0.625;
}
