namespace DiscScope.Analysis.Mri;

/// <summary>
/// A parsed sagittal spine: discs and vertebrae ordered from the bottom (L5-S1 first), the per-pixel label map of the slice
/// (SPIDER convention, row-major, width x height of the input map), a confidence in [0, 1] that the level names are right, and warnings.
/// </summary>
public sealed record ParsedSpine(
    IReadOnlyList<DiscInstance> Discs,
    IReadOnlyList<VertebraInstance> Vertebrae,
    bool SacrumFound,
    double Confidence,
    IReadOnlyList<LevelWarning> Warnings,
    short[] Labels) : SpineParseResult
{
    public override bool Found => true;

    /// <summary>True when transitional lumbosacral anatomy is suspected (see <see cref="LevelWarningKind.TransitionalAnatomySuspected"/>).</summary>
    public bool TransitionalSuspected => Warnings.Any(w => w.Kind == LevelWarningKind.TransitionalAnatomySuspected);
}
