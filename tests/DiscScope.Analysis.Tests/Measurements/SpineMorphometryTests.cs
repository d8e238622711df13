using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Synthetic;
using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Tests.Measurements;

/// <summary>
/// Synthetic masks of known geometry (drawn as polygons in mm). Tolerances: 0.5 mm for lengths and 1 degree for angles, the
/// acceptance bounds of the grading issue; pixel size 0.25-0.5 mm makes the discretisation error well below them.
/// </summary>
public class SpineMorphometryTests
{
    private const double Mm = 0.5, Deg = 1.0;

    private static LabelMap Blank(double spacing = 0.5, int size = 240) => new(ImageGeometry.Simple(size, size, 1, spacing, spacing, 3));

    private static void Poly(LabelMap m, (double X, double Y)[] p, int label) => PolygonRasterizer.Fill(m.Labels, p, (short)label);

    private static (double, double)[] Box(double x0, double y0, double x1, double y1) => [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];

    [Fact]
    public void RectangularDiscBetweenTwoBodies()
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 35), 2);          // L4 body, 25 mm high, 30 mm deep
        Poly(m, Box(60, 10, 75, 35), 2);          // L4 posterior elements behind the canal
        Poly(m, Box(10, 35, 40, 45), 202);        // L4-L5 disc, 10 mm
        Poly(m, Box(10, 45, 40, 70), 1);          // L5 body
        Poly(m, Box(45, 0, 60, 100), 100);        // canal, 15 mm AP
        var r = SpineMorphometry.Measure(m);
        var d = Assert.Single(r.Discs);
        Assert.Equal("L4-L5", d.Level.ToString());
        Assert.InRange(d.Heights.Anterior.Value, 10 - Mm, 10 + Mm);
        Assert.InRange(d.Heights.Middle.Value, 10 - Mm, 10 + Mm);
        Assert.InRange(d.Heights.Posterior.Value, 10 - Mm, 10 + Mm);
        Assert.InRange(d.HeightIndex!.Value, 10.0 / 25 - 0.03, 10.0 / 25 + 0.03);
        Assert.InRange(d.WedgeAngle.Value, -Deg, Deg);
        Assert.InRange(d.CanalApDiameter!.Value.Value, 15 - Mm, 15 + Mm);
        Assert.InRange(d.PosteriorDisplacement!.Value.Value, -Mm, Mm);
        Assert.InRange(d.Listhesis!.Slip.Value, -Mm, Mm);
        Assert.Equal(0, d.Listhesis.MeyerdingGrade);
        var l4 = r.Vertebrae.Single(v => v.Level == VertebraLevel.L4);
        Assert.InRange(l4.Heights.Middle.Value, 25 - Mm, 25 + Mm);   // posterior elements excluded from the body
        Assert.False(l4.DeformityFlag);
    }

    [Fact]
    public void ABodyIsMeasuredOnItsLargestPieceNotStretchedByStrayPixelsOfItsLabel()
    {
        var m = Blank();
        Poly(m, Box(50, 10, 80, 35), 2);          // L4 body, 25 mm high
        Poly(m, Box(2, 20, 6, 24), 2);            // stray L4-labelled pixels 44 mm in front of it (a false positive in the abdomen)
        Poly(m, Box(50, 35, 80, 45), 202);        // L4-L5 disc, 10 mm; no L5 body below it
        var r = SpineMorphometry.Measure(m);
        var d = Assert.Single(r.Discs);
        Assert.InRange(d.HeightIndex!.Value, 10.0 / 25 - 0.03, 10.0 / 25 + 0.03); // not infinite (a 0 mm middle height in the gap)
        var l4 = r.Vertebrae.Single(v => v.Level == VertebraLevel.L4);
        Assert.InRange(l4.Heights.Middle.Value, 25 - Mm, 25 + Mm);
        Assert.False(l4.DeformityFlag);
    }

    [Fact]
    public void ADiscInPiecesIsNotMeasured()
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 35), 2);
        Poly(m, Box(10, 35, 22, 45), 202);        // L4-L5 in two pieces: no disc pixel at its middle station
        Poly(m, Box(28, 35, 40, 45), 202);        // no L5 body: the height falls back to the disc's own extent, which is 0 at the middle
        var r = SpineMorphometry.Measure(m);
        Assert.Empty(r.Discs);                    // "cannot assess", never a 0 mm disc
    }

    [Theory]
    [InlineData(1.0, 12.0)]   // a 1 mm unlabelled seam at each endplate (as SPIDER's masks leave it): the space between the bodies, 12 mm
    [InlineData(3.0, 10.0)]   // 6 mm of seams cannot be endplate lines (a body under-segmented): the disc mask's own 10 mm
    public void DiscHeightIsTheSpaceBetweenTheEndplates(double seam, double expected)
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 35 - seam), 2);   // L4 body ends `seam` mm above the disc
        Poly(m, Box(10, 35, 40, 45), 202);        // the disc mask: 10 mm
        Poly(m, Box(10, 45 + seam, 40, 70), 1);   // L5 body starts `seam` mm below it
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        Assert.InRange(d.Heights.Anterior.Value, expected - Mm, expected + Mm);
        Assert.InRange(d.Heights.Middle.Value, expected - Mm, expected + Mm);
        Assert.InRange(d.Heights.Posterior.Value, expected - Mm, expected + Mm);
    }

    [Fact]
    public void WithoutBothNeighboursTheDiscHeightIsTheMaskExtent()
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 34), 2);          // L4 with a 1 mm seam, but no L5 below
        Poly(m, Box(10, 35, 40, 45), 202);
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        Assert.InRange(d.Heights.Middle.Value, 10 - Mm, 10 + Mm);
    }

    [Fact]
    public void WedgedDiscHasKnownHeightsAndAngle()
    {
        var m = Blank(0.25, 320);
        // Anterior height 12 mm, posterior 8 mm over 30 mm: each boundary tilts by atan(2/30).
        Poly(m, [(10, 35), (40, 37), (40, 45), (10, 47)], 202);
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        var expected = 2 * Math.Atan(2.0 / 30) * 180 / Math.PI;
        Assert.InRange(d.WedgeAngle.Value, expected - Deg, expected + Deg);
        // Heights are perpendicular to the disc axis; the axis here is horizontal by symmetry.
        Assert.InRange(d.Heights.Anterior.Value, 11.6 - Mm, 11.6 + Mm);
        Assert.InRange(d.Heights.Middle.Value, 10 - Mm, 10 + Mm);
        Assert.InRange(d.Heights.Posterior.Value, 8.4 - Mm, 8.4 + Mm);
    }

    [Fact]
    public void AnterolisthesisOfSixMillimetresIsTwentyPercent()
    {
        var m = Blank();
        Poly(m, Box(4, 10, 34, 35), 2);           // L4 slipped 6 mm anteriorly
        Poly(m, Box(7, 35, 40, 45), 202);
        Poly(m, Box(10, 45, 40, 70), 1);          // L5, 30 mm deep
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        Assert.InRange(d.Listhesis!.Slip.Value, 6 - Mm, 6 + Mm);
        Assert.InRange(d.Listhesis.Percent, 20 - 2, 20 + 2);
        Assert.Equal(1, d.Listhesis.MeyerdingGrade);
    }

    [Fact]
    public void ASteepL5S1TakesItsMarginsFromTheEndplatesNextToItNotFromPelvicPixelsOfTheSacrumLabel()
    {
        var m = Blank();
        const double a = -40;                                   // L5-S1 tilted 40 degrees, posterior end up
        double ux = Math.Cos(a * Math.PI / 180), uy = Math.Sin(a * Math.PI / 180), nx = -uy, ny = ux;
        (double, double)[] Along(double s, double t, double length, double height) =>
            PolygonRasterizer.Rectangle(70 + s * ux + t * nx, 70 + s * uy + t * ny, length, height, a);
        Poly(m, Along(0, 0, 30, 8), 201);                       // the disc, 30 mm long, flush with the bodies...
        Poly(m, Along(16.5, 0, 3, 4), 201);                     // ...but for a 3 mm posterior protrusion
        Poly(m, Along(0, -16.5, 30, 25), 1);                    // L5 body above it
        Poly(m, Along(0, 9, 30, 10), SpineLabel.Sacrum);        // S1's top below it
        Poly(m, Box(5, 85, 30, 110), SpineLabel.Sacrum);        // pelvic bone named sacrum, far in front and below
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        Assert.InRange(d.PosteriorDisplacement!.Value.Value, 3 - Mm, 3 + Mm);
        Assert.InRange(d.Listhesis!.Slip.Value, -Mm, Mm);
    }

    [Fact]
    public void AnEndplateSeenOverPartOfTheDiscGivesNoSlip()
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 35), 2);          // L4 body
        Poly(m, Box(10, 35, 40, 45), 202);        // L4-L5 disc, 30 mm long
        Poly(m, Box(10, 45, 18, 70), 1);          // only the front 8 mm of L5 segmented
        var d = Assert.Single(SpineMorphometry.Measure(m).Discs);
        Assert.Null(d.Listhesis);                 // not a 22 mm retrolisthesis
        Assert.InRange(d.PosteriorDisplacement!.Value.Value, -Mm, Mm); // from L4's margin alone
    }

    [Fact]
    public void LordosisIsTheAngleBetweenL1AndS1Endplates()
    {
        var m = Blank(0.5, 300);
        Poly(m, PolygonRasterizer.Rectangle(50, 40, 35, 25, 10), SpineLabel.Of(VertebraLevel.L1));
        Poly(m, PolygonRasterizer.Rectangle(48, 60, 35, 9, 10), 205);                      // L1-L2 gives L1's frame
        Poly(m, PolygonRasterizer.Rectangle(60, 120, 35, 10, -20), 201);                   // L5-S1 disc tilted -20 degrees
        var r = SpineMorphometry.Measure(m);
        Assert.NotNull(r.LumbarLordosis);
        Assert.InRange(r.LumbarLordosis!.Value.Value, 30 - Deg, 30 + Deg);
        var l5s1 = r.Discs.Single(d => d.Level == DiscLevel.L5S1);
        Assert.InRange(l5s1.Heights.Middle.Value, 10 - Mm, 10 + Mm);                        // rotated disc: height along its normal
    }

    [Fact]
    public void AnOsteophyteLipIsNotTakenForAWedgedBody()
    {
        var m = Blank();
        Poly(m, Box(10, 10, 40, 35), 2);          // L4 body, 25 mm high, 30 mm deep
        Poly(m, Box(3, 10, 10, 12), 2);           // a 2 mm thick osteophyte lip reaching 7 mm forward from its upper anterior corner
        var l4 = SpineMorphometry.Measure(m).Vertebrae.Single(v => v.Level == VertebraLevel.L4);
        Assert.InRange(l4.Heights.Anterior.Value, 25 - Mm, 25 + Mm);
        Assert.False(l4.DeformityFlag);
    }

    [Fact]
    public void ABodyCutByTheEdgeOfTheImageIsNotMeasured()
    {
        var m = Blank();
        Poly(m, Box(10, 0, 40, 12), 3);           // L3: only its lowest 12 mm in view
        Poly(m, Box(10, 12, 40, 20), 203);
        Poly(m, Box(10, 20, 40, 45), 2);          // L4, whole
        var r = SpineMorphometry.Measure(m);
        Assert.DoesNotContain(r.Vertebrae, v => v.Level == VertebraLevel.L3);
        Assert.Contains(r.Vertebrae, v => v.Level == VertebraLevel.L4);
    }

    [Fact]
    public void AFragmentUnderHalfTheTypicalBodyHeightIsNotMeasured()
    {
        var m = Blank(0.5, 300);
        Poly(m, Box(20, 5, 50, 14), 5);           // "L1": 9 mm tall, half hidden by padding above the field of view
        Poly(m, Box(20, 15, 50, 23), 205);
        Poly(m, Box(20, 23, 50, 48), 4);          // L2, L3, L4: 25 mm bodies
        Poly(m, Box(20, 48, 50, 56), 204);
        Poly(m, Box(20, 56, 50, 81), 3);
        Poly(m, Box(20, 81, 50, 89), 203);
        Poly(m, Box(20, 89, 50, 114), 2);
        var r = SpineMorphometry.Measure(m);
        Assert.DoesNotContain(r.Vertebrae, v => v.Level == VertebraLevel.L1);
        Assert.Equal(3, r.Vertebrae.Count);
        Assert.DoesNotContain(r.Vertebrae, v => v.DeformityFlag);
    }

    [Fact]
    public void CrushedBodyIsFlagged()
    {
        var m = Blank();
        Poly(m, [(10, 22), (40, 10), (40, 35), (10, 35)], 2);   // L4 wedge: 13 mm high anteriorly, 25 mm posteriorly; no disc, so horizontal frame
        var r = SpineMorphometry.Measure(m);
        var l4 = r.Vertebrae.Single(v => v.Level == VertebraLevel.L4);
        // Anterior station at 10 % of depth: height 13 + 12 * 0.1 = 14.2 mm; posterior at 90 %: 13 + 12 * 0.9 = 23.8 mm.
        Assert.InRange(l4.Heights.Anterior.Value, 14.2 - Mm, 14.2 + Mm);
        Assert.InRange(l4.Heights.Posterior.Value, 23.8 - Mm, 23.8 + Mm);
        Assert.True(l4.DeformityFlag);
    }

    [Fact]
    public void SignalIntensityRatioUsesDiscCoreOverCsf()
    {
        var m = Blank();
        Poly(m, Box(10, 35, 40, 45), 202);
        Poly(m, Box(45, 0, 60, 100), 100);
        var img = new Volume<float>(m.Geometry);
        PolygonRasterizer.Fill(img, Box(10, 35, 40, 45), 300f);
        PolygonRasterizer.Fill(img, Box(45, 0, 60, 100), 1000f);
        var d = Assert.Single(SpineMorphometry.Measure(m, img).Discs);
        Assert.Equal(0.3, d.SignalIntensityRatio!.Value, 6);
    }
}
