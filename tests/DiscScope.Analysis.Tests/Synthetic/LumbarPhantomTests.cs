using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Synthetic;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Tests.Synthetic;

public class LumbarPhantomTests
{
    private static readonly Phantom P = LumbarPhantom.Create();

    [Fact]
    public void HasSixDiscsFromT12L1ToL5S1AndACanal()
    {
        var mid = P.Labels.Labels.Slice(P.MidSlice);
        var labels = new DiscScope.Imaging.LabelMap(mid).Present();
        Assert.Equal(new short[] { 201, 202, 203, 204, 205, 206 }, labels.Where(l => l > 200).ToArray());
        Assert.Contains(SpineLabel.Canal, labels);
        Assert.Contains(SpineLabel.Sacrum, labels);
        Assert.Equal(["T12-L1", "L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"], P.Discs.Select(d => d.Level.ToString()));
    }

    [Fact]
    public void MeasuredGroundTruthHeightsMatchTheDesign()
    {
        // The design's heights are corner-to-corner distances; the measurement is perpendicular to the disc axis at 10/50/90 %
        // of its length, so wedged discs differ by up to ~1 mm at the ends. Middle heights must agree within 0.5 mm.
        var slice = new DiscScope.Imaging.LabelMap(P.Labels.Labels.Slice(P.MidSlice));
        var image = P.Image.Slice(P.MidSlice);
        var r = SpineMorphometry.Measure(slice, image);
        foreach (var t in P.Discs)
        {
            var m = r.Discs.Single(d => d.Level == t.Level);
            if (t.HerniationMm == 0) Assert.InRange(m.Heights.Middle.Value, t.MiddleMm - 0.5, t.MiddleMm + 0.5);
            Assert.InRange(m.Heights.Anterior.Value, t.AnteriorMm - 1.5, t.AnteriorMm + 1.5);
            Assert.True(Math.Abs(m.SignalIntensityRatio!.Value - t.SignalRatio) < 0.1, $"{t.Level} SIR {m.SignalIntensityRatio} vs {t.SignalRatio}; heights {m.Heights} vs {t.AnteriorMm:F1}/{t.MiddleMm:F1}/{t.PosteriorMm:F1}"); // noise sd 15 on ~1000
        }
        var herniated = r.Discs.Single(d => d.Level == DiscLevel.L5S1);
        Assert.True(herniated.PosteriorDisplacement!.Value.Value > 3, $"L5-S1 displacement {herniated.PosteriorDisplacement}");
        Assert.True(r.Discs.Where(d => d.Level != DiscLevel.L5S1).All(d => d.PosteriorDisplacement!.Value.Value < 1.5));
        Assert.InRange(r.LumbarLordosis!.Value.Value, 25, 45); // designed L1 endplate +6 deg, S1 -28 deg: 34 deg
    }

    [Fact]
    public void TheThecalSacGoesOnBehindTheSacrumAsInRealAnatomy()
    {
        // The CSF behind L5-S1 is what the disc's signal ratio is referred to: the canal must not stop at the S1 endplate.
        var mid = new DiscScope.Imaging.LabelMap(P.Labels.Labels.Slice(P.MidSlice));
        var g = mid.Geometry;
        int RowsOf(Func<short, bool> what) => Enumerable.Range(0, g.SizeJ).Where(j => Enumerable.Range(0, g.SizeI).Any(i => what(mid[i, j, 0]))).DefaultIfEmpty(-1).Max();
        var lowestDiscRow = RowsOf(l => l == SpineLabel.Of(DiscLevel.L5S1));
        var lowestCanalRow = RowsOf(l => l == SpineLabel.Canal);
        Assert.True((lowestCanalRow - lowestDiscRow) * g.Spacing.Y > 10, $"canal ends {(lowestCanalRow - lowestDiscRow) * g.Spacing.Y:F1} mm below L5-S1");
    }
}
