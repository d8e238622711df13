using DiscScope.Analysis.DiscGrading;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class FusionFeaturesTests
{
    private static double[][] Uniform() => [.. GradingTask.All.Select(t => Enumerable.Repeat(1.0 / t.Classes, t.Classes).ToArray())];

    [Fact]
    public void A_measured_disc_gives_its_values_with_no_missing_flags()
    {
        var m = new DiscMeasurement(DiscLevel.FromSpiderIvdLabel(2), new VertebralHeights(new(11), new(9), new(7)), 0.35, new Degrees(6), new Millimetres(2.5), 0.7,
            new Millimetres(13), new Listhesis(new Millimetres(3), 8));
        var x = FusionFeatures.Of(Uniform(), true, 2, m);
        var f = FusionFeatures.Names.Select((n, i) => (n, i)).ToDictionary(e => e.n, e => x[e.i]);
        Assert.Equal(FusionFeatures.Names.Count, x.Length);
        Assert.Equal(0.2, f["p_pfirrmann_0"]);
        Assert.Equal(1, f["has_t1"]);
        Assert.Equal(2, f["ivd_label"]);
        Assert.Equal(11, f["height_anterior_mm"]); Assert.Equal(9, f["height_middle_mm"]); Assert.Equal(0.35, f["height_index"]);
        Assert.Equal(2.5, f["posterior_displacement_mm"]); Assert.Equal(0.7, f["signal_intensity_ratio"]); Assert.Equal(8, f["slip_percent"]);
        Assert.All(FusionFeatures.Names.Where(n => n.EndsWith("_missing", StringComparison.Ordinal)), n => Assert.Equal(0, f[n]));
    }

    [Fact]
    public void Absent_measurements_are_zero_with_their_flag_set()
    {
        var m = new DiscMeasurement(DiscLevel.L5S1, new VertebralHeights(new(10), new(8), new(6)), null, new Degrees(4), null, double.NaN, null, null);
        var x = FusionFeatures.Of(Uniform(), false, 1, m);
        var f = FusionFeatures.Names.Select((n, i) => (n, i)).ToDictionary(e => e.n, e => x[e.i]);
        foreach (var n in new[] { "height_index", "posterior_displacement_mm", "signal_intensity_ratio", "canal_ap_mm", "slip_mm", "slip_percent" })
        {
            Assert.Equal(0, f[n]);
            Assert.Equal(1, f[n + "_missing"]);
        }
        Assert.Equal(0, f["height_middle_mm_missing"]);
        var none = FusionFeatures.Of(Uniform(), false, 1, null);
        Assert.All(FusionFeatures.Names.Where(n => n.EndsWith("_missing", StringComparison.Ordinal)), n => Assert.Equal(1, none[FusionFeatures.Names.ToList().IndexOf(n)]));
        Assert.All(none, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Probabilities_for_the_wrong_heads_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FusionFeatures.Of([[0.5, 0.5]], false, 1, null));
        var wrong = Uniform(); wrong[0] = [0.5, 0.5];
        Assert.Throws<ArgumentException>(() => FusionFeatures.Of(wrong, false, 1, null));
    }
}
