using DiscScope.Domain.Measurements;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Per-disc segmentation quality, read from what the parse could measure around the disc: a disc whose heights, height index, wedge
/// angle, posterior displacement, signal ratio to CSF or canal AP diameter could not be measured lacks part of the segmentation those
/// need (its canal, an endplate, a neighbouring body), so its grades are flagged "uncertain — review" (<see cref="DiscGrader"/>). The
/// slip is left out: it needs the vertebra below, which at L5-S1 is the sacrum that the network does not segment. On the SPIDER
/// out-of-fold predictions (session 18) the flag marked 16 of 1129 discs, whose fused Pfirrmann grade was right in 31 % against 60 %.
/// Pure.
/// </summary>
public static class DiscSegmentationQuality
{
    /// <summary>The measurements the segmentation could not give for the disc, by name (all of them when <paramref name="m"/> is null,
    /// i.e. the disc was not measured at all); empty when it is complete.</summary>
    public static IReadOnlyList<string> Missing(DiscMeasurement? m)
    {
        (string Name, double? Value)[] core =
        [
            ("anterior height", m?.Heights.Anterior.Value), ("middle height", m?.Heights.Middle.Value), ("posterior height", m?.Heights.Posterior.Value),
            ("height index", m?.HeightIndex), ("wedge angle", m?.WedgeAngle.Value), ("posterior displacement", m?.PosteriorDisplacement?.Value),
            ("signal ratio to CSF", m?.SignalIntensityRatio), ("canal AP diameter", m?.CanalApDiameter?.Value),
        ];
        return [.. core.Where(c => c.Value is not { } v || !double.IsFinite(v)).Select(c => c.Name)];
    }

    /// <summary>True when part of the disc's segmentation is missing (<see cref="Missing"/> is not empty).</summary>
    public static bool Incomplete(DiscMeasurement? m) => Missing(m).Count > 0;
}
