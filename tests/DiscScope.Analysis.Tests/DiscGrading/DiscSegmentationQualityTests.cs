using DiscScope.Analysis.DiscGrading;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class DiscSegmentationQualityTests
{
    internal static DiscMeasurement Complete(int ivd) => new(DiscLevel.FromSpiderIvdLabel(ivd), new VertebralHeights(new(11), new(9), new(7)), 0.35,
        new Degrees(6), new Millimetres(2.5), 0.7, new Millimetres(13), null);

    [Fact]
    public void A_disc_measured_in_full_is_complete_without_a_slip()
    {
        // The slip needs the body below (the sacrum at L5-S1, which the network does not segment), so its absence is no gap.
        Assert.Empty(DiscSegmentationQuality.Missing(Complete(1)));
        Assert.False(DiscSegmentationQuality.Incomplete(Complete(1)));
    }

    [Fact]
    public void Each_missing_or_non_finite_measurement_is_named()
    {
        var noCanal = Complete(2) with { CanalApDiameter = null, SignalIntensityRatio = null };
        Assert.Equal(["signal ratio to CSF", "canal AP diameter"], DiscSegmentationQuality.Missing(noCanal));
        var nanHeight = Complete(2) with { Heights = new VertebralHeights(new(11), new(double.NaN), new(7)), HeightIndex = double.PositiveInfinity };
        Assert.Equal(["middle height", "height index"], DiscSegmentationQuality.Missing(nanHeight));
        Assert.True(DiscSegmentationQuality.Incomplete(Complete(2) with { PosteriorDisplacement = null }));
        Assert.True(DiscSegmentationQuality.Incomplete(Complete(2) with { WedgeAngle = new Degrees(double.NaN) }));
    }

    [Fact]
    public void An_unmeasured_disc_misses_everything()
    {
        Assert.Equal(8, DiscSegmentationQuality.Missing(null).Count);
        Assert.True(DiscSegmentationQuality.Incomplete(null));
    }
}
