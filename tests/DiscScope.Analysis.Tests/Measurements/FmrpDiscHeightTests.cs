using DiscScope.Analysis.Measurements;
using DiscScope.Imaging;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.Measurements;

/// <summary>
/// Real discs: the five FMRP volumes (young volunteers, 1 mm isotropic, x = anterior->posterior, y = superior->inferior, per-level disc
/// masks 1 = L5/S1 .. 5 = L1/L2). On the sagittal slice holding most disc voxels every disc's heights must be physiologically
/// plausible, 5-16 mm (the grading issue's bound), and its anterior-posterior length 25-60 mm (adult lumbar disc depth).
/// </summary>
public class FmrpDiscHeightTests
{
    public static TheoryData<string> Cases => new() { "case11", "case20", "case25", "case42", "case46" };

    [DataTheory]
    [MemberData(nameof(Cases))]
    public void DiscHeightsArePlausible(string id)
    {
        var mask = DefaultFormats.Create().Read(SharedData.Path("mri3d", "fmrp_ivd", id + "_ivd_mask.mha"));
        var g = mask.Geometry;
        var plane = g.SizeI * g.SizeJ;
        var best = Enumerable.Range(0, g.SizeK).MaxBy(k => Enumerable.Range(0, plane).Count(n => mask.GetDouble((long)k * plane + n) > 0));
        var slice = new LabelMap(ImageGeometry.Simple(g.SizeI, g.SizeJ, 1, g.Spacing.X, g.Spacing.Y, g.Spacing.Z));
        for (var n = 0; n < plane; n++)
        {
            var v = (int)mask.GetDouble((long)best * plane + n);
            if (v > 0) slice.Labels.Voxels[n] = (short)(200 + v);
        }
        var r = SpineMorphometry.Measure(slice);
        Assert.Equal(5, r.Discs.Count);
        Assert.Equal(["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"], r.Discs.Select(d => d.Level.ToString()));
        foreach (var d in r.Discs)
        {
            Assert.InRange(d.Heights.Middle.Value, 5, 16);
            Assert.InRange(d.Heights.Anterior.Value, 3, 18);   // the thin anterior/posterior rims of a lordotic disc may dip below 5 mm
            Assert.InRange(d.Heights.Posterior.Value, 3, 18);
        }
    }
}
