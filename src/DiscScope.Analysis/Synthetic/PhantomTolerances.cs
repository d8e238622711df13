using DiscScope.Domain.Measurements;

namespace DiscScope.Analysis.Synthetic;

/// <summary>
/// The demo's stated tolerances for a measured phantom disc against its design: middle height within 1.5 mm (about two pixels of the
/// 0.8 mm grid; not checked on the herniated disc, whose bulge is what is measured there), nucleus/CSF signal ratio within 0.15, and a
/// herniated disc displaced more than 2 mm beyond the vertebral margins. Pure.
/// </summary>
public static class PhantomTolerances
{
    public const double HeightMm = 1.5, SignalRatio = 0.15, HerniationMinMm = 2.0;

    public static bool Within(PhantomDisc design, DiscMeasurement measured) =>
        Within(design, measured.Heights.Middle.Value, measured.SignalIntensityRatio, measured.PosteriorDisplacement?.Value);

    public static bool Within(PhantomDisc design, double middleHeightMm, double? signalRatio, double? posteriorDisplacementMm) =>
        (design.HerniationMm > 0 || Math.Abs(middleHeightMm - design.MiddleMm) <= HeightMm)
        && (signalRatio is not { } sir || Math.Abs(sir - design.SignalRatio) <= SignalRatio)
        && (design.HerniationMm == 0 || posteriorDisplacementMm > HerniationMinMm);
}
