using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Synthetic;

/// <summary>
/// Builds a synthetic sagittal T2-like lumbar MR volume (T12 to sacrum, lordotic) in the canonical frame (columns anterior->posterior,
/// rows superior->inferior, slices right->left) with exact labels. Lumbar endplates are concave (biconvex discs, as in real spines).
/// L4-L5 is degenerated (low height, dark nucleus); L5-S1 carries
/// a posterior herniation. Deterministic for a seed.
/// </summary>
public static class LumbarPhantom
{
    private const float Background = 280, Cortex = 90, Marrow = 520, PosteriorElement = 380, Annulus = 330, Nucleus = 880, DarkNucleus = 300, Csf = 1000, ForaminalFat = 520;
    private const double BodyDepth = 34, CanalGap = 1.5, CanalDepth = 14, ElementDepth = 22, BodyHalfWidth = 22, CanalHalfWidth = 8, ElementHalfWidth = 12;

    // T12 .. L5 bodies (height mm, endplate angle deg), then the sacrum angle; disc heights T12-L1 .. L5-S1 (mm at the middle).
    private static readonly (VertebraLevel Level, double Height, double Angle)[] Bodies =
    [
        (VertebraLevel.T12, 24, 8), (VertebraLevel.L1, 25, 6), (VertebraLevel.L2, 26, 3), (VertebraLevel.L3, 27, 0), (VertebraLevel.L4, 27, -5), (VertebraLevel.L5, 26, -12),
    ];
    private const double SacrumAngle = -28;
    private static readonly double[] DiscMiddle = [7, 8, 9, 10, 5, 10];

    /// <summary>Depth (mm) of the central dip of each lumbar endplate into its body: real endplates are concave, so a disc is thicker in
    /// the middle than at its rims (biconvex), not a box. The sacrum's S1 endplate is drawn flat.</summary>
    private const double EndplateConcavity = 1.0;

    public static Phantom Create(PhantomOptions? options = null)
    {
        var o = options ?? new PhantomOptions();
        var g = new ImageGeometry(o.Columns, o.Rows, o.Slices, new Vec3(o.PixelSpacing, o.PixelSpacing, o.SliceSpacing),
            new Vec3(-o.SliceSpacing * (o.Slices - 1) / 2, -60, 180), Matrix3.FromColumns(new(0, 1, 0), new(0, 0, -1), new(1, 0, 0)));
        var slice = new LabelMap(ImageGeometry.Simple(o.Columns, o.Rows, 1, o.PixelSpacing, o.PixelSpacing, o.SliceSpacing));
        var sig = new Volume<float>(slice.Geometry);
        Array.Fill(sig.Voxels, Background);
        var truth = new List<PhantomDisc>();

        // Walk down the spine: each body is a rotated rectangle; each disc is the quadrilateral between two bodies' endplates.
        var angles = Bodies.Select(b => b.Angle).Append(SacrumAngle).ToArray();
        var c = (X: o.Columns * o.PixelSpacing * 0.38, Y: 30.0);
        var corners = new List<(double X, double Y)[]>();
        for (var n = 0; n < Bodies.Length; n++)
        {
            var (level, h, a) = Bodies[n];
            var body = PolygonRasterizer.Rectangle(c.X, c.Y, BodyDepth, h, a);
            corners.Add(body);
            DrawBone(slice, sig, body, SpineLabel.Of(level), PolygonRasterizer.Rectangle(c.X, c.Y, BodyDepth - 2, h - 2, a));
            var (ux, uy) = Dir(a);
            var back = (X: c.X + (BodyDepth / 2 + CanalGap + CanalDepth + ElementDepth / 2) * ux, Y: c.Y + (BodyDepth / 2 + CanalGap + CanalDepth + ElementDepth / 2) * uy);
            Draw(slice, sig, PolygonRasterizer.Rectangle(back.X, back.Y, ElementDepth, h * 0.8, a), SpineLabel.Of(level), PosteriorElement);
            // Next body centre: down this body's normal to the bottom endplate, across the disc along the mean normal, then half the next height.
            var nextAngle = angles[n + 1];
            var nextHeight = n + 1 < Bodies.Length ? Bodies[n + 1].Height : 40;
            var (nx, ny) = Normal(a); var (mx, my) = Normal((a + nextAngle) / 2); var (qx, qy) = Normal(nextAngle);
            // Rim spacing: the designed middle height less the endplate dips on either side (one side at the flat sacrum).
            var rim = DiscMiddle[n] - EndplateConcavity * (n + 1 < Bodies.Length ? 2 : 1);
            c = (c.X + h / 2 * nx + rim * mx + nextHeight / 2 * qx, c.Y + h / 2 * ny + rim * my + nextHeight / 2 * qy);
        }
        // The sacrum: S1's endplate as wide as a lumbar body, then the fused segments tapering over ~95 mm down and back (not a block the
        // size of a vertebra, which a reader or a network could take for L5).
        var sacrum = Sacrum(c.X, c.Y, BodyDepth + 6, SacrumAngle);
        corners.Add(sacrum);
        Draw(slice, sig, sacrum, SpineLabel.Sacrum, Cortex);
        PolygonRasterizer.Fill(sig, Shrink(sacrum, 0.93, 0.97), Marrow);

        // Canal: a band behind each body and disc, drawn before the discs so a herniation can overwrite it.
        for (var n = 0; n < Bodies.Length; n++)
        {
            var upper = corners[n]; var lower = corners[n + 1];
            // Body corners: 0 = top-anterior, 1 = top-posterior, 2 = bottom-posterior, 3 = bottom-anterior.
            var canal = new[] { Offset(upper[1], upper[0], CanalGap), Offset(upper[1], upper[0], CanalGap + CanalDepth), Offset(lower[1], lower[0], CanalGap + CanalDepth), Offset(lower[1], lower[0], CanalGap) };
            Draw(slice, sig, canal, SpineLabel.Canal, Csf);
        }
        // The thecal sac does not end at L5-S1: it goes on behind the sacrum, tapering, to about S2 (~40 mm below the S1 endplate).
        {
            var (s0, s1, s2) = (sacrum[0], sacrum[1], sacrum[2]);
            var (ax, ay) = Unit(s2, s1); var (px, py) = Unit(s1, s0);
            (double X, double Y) At(double along, double back) => (s1.X + along * ax + back * px, s1.Y + along * ay + back * py);
            Draw(slice, sig, [At(0, CanalGap), At(0, CanalGap + CanalDepth), At(40, CanalGap + 5), At(40, CanalGap)], SpineLabel.Canal, Csf);
        }

        for (var n = 0; n < Bodies.Length; n++)
        {
            var upper = corners[n]; var lower = corners[n + 1];
            var lowerDip = n + 1 < Bodies.Length ? EndplateConcavity : 0;
            // Upper body's lower endplate (anterior -> posterior, dipping up), lower body's upper endplate (posterior -> anterior, dipping down).
            (double X, double Y)[] Outline(double u0, double u1) =>
                [.. Endplate(upper[3], upper[2], upper[0], EndplateConcavity, u0, u1), .. Endplate(lower[1], lower[0], lower[3], lowerDip, u0, u1)];
            var disc = Outline(0, 1);
            var level = DiscLevel.BelowVertebra(Bodies[n].Level);
            var degenerated = level.Upper == VertebraLevel.L4;
            var hernia = level.Upper == VertebraLevel.L5 ? 5.0 : 0.0;
            Draw(slice, sig, disc, SpineLabel.Of(level), Annulus);
            // On T2 the nucleus and inner annulus are bright over nearly the full disc height; the dark outer annulus rims it in front and behind.
            var core = Outline(0.15, 0.85);
            PolygonRasterizer.Fill(sig, core, degenerated ? DarkNucleus : Nucleus);
            if (hernia > 0)
            {
                var mid = Mid(upper[2], lower[1]);
                var (px, py) = Unit(upper[2], upper[3]); // posterior direction along the upper endplate
                var (tx, ty) = Unit(upper[2], lower[1]);
                var bump = new[]
                {
                    (mid.X - 3 * tx - 1 * px, mid.Y - 3 * ty - 1 * py), (mid.X - 2 * tx + hernia * px, mid.Y - 2 * ty + hernia * py),
                    (mid.X + 2 * tx + hernia * px, mid.Y + 2 * ty + hernia * py), (mid.X + 3 * tx - 1 * px, mid.Y + 3 * ty - 1 * py),
                };
                // On T2 a protrusion is a low-signal (annulus-covered) focal bulge indenting the bright CSF of the thecal sac.
                Draw(slice, sig, bump, SpineLabel.Of(level), Annulus);
            }
            var ratio = (degenerated ? DarkNucleus : Nucleus) / Csf;
            var middle = Dist(Endplate(upper[3], upper[2], upper[0], EndplateConcavity, 0.5, 0.5, 1)[0], Endplate(lower[1], lower[0], lower[3], lowerDip, 0.5, 0.5, 1)[0]);
            truth.Add(new PhantomDisc(level, Dist(upper[3], lower[0]), middle, Dist(upper[2], lower[1]), ratio, degenerated, hernia));
        }

        return Extrude(g, slice, sig, o, truth);
    }

    private static Phantom Extrude(ImageGeometry g, LabelMap slice, Volume<float> sig, PhantomOptions o, List<PhantomDisc> truth)
    {
        var image = new Volume<float>(g); var labels = new LabelMap(g);
        var rng = new Random(o.Seed);
        var mid = o.Slices / 2;
        for (var k = 0; k < o.Slices; k++)
        {
            var lateral = Math.Abs(k - mid) * o.SliceSpacing;
            for (var j = 0; j < o.Rows; j++)
                for (var i = 0; i < o.Columns; i++)
                {
                    var l = slice[i, j, 0];
                    var halfWidth = SpineLabel.StructureOf(l) switch
                    {
                        Structure.Canal => CanalHalfWidth,
                        Structure.Vertebra when sig[i, j, 0] == PosteriorElement => ElementHalfWidth,
                        Structure.Background => double.PositiveInfinity,
                        _ => BodyHalfWidth,
                    };
                    var inside = lateral <= halfWidth;
                    labels[i, j, k] = inside ? l : (short)0;
                    var value = inside ? sig[i, j, 0] : Background;
                    if (!inside && SpineLabel.StructureOf(l) == Structure.Canal && lateral <= ElementHalfWidth + 4)
                    {
                        // Beside the canal: the pedicle (bone, part of the vertebra) behind a body, the fat of the neural foramen behind a disc.
                        var a = i;
                        while (a > 0 && SpineLabel.StructureOf(slice[a, j, 0]) == Structure.Canal) a--;
                        var front = slice[a, j, 0];
                        var pedicle = SpineLabel.StructureOf(front) == Structure.Vertebra;
                        labels[i, j, k] = pedicle ? front : (short)0;
                        value = pedicle ? Marrow : ForaminalFat;
                    }
                    image[i, j, k] = (float)Math.Max(0, value + o.NoiseSd * Gaussian(rng));
                }
        }
        return new Phantom(image, labels, truth, mid);
    }

    /// <summary>Sacrum outline (corners: top-anterior, top-posterior, bottom-posterior, bottom-anterior) from the S1 body centre of a
    /// 40 mm tall segment at (cx, cy), tapering to a third of its depth 95 mm further down its axis.</summary>
    private static (double X, double Y)[] Sacrum(double cx, double cy, double depth, double angleDeg)
    {
        var a = angleDeg * Math.PI / 180; double ux = Math.Cos(a), uy = Math.Sin(a), nx = -uy, ny = ux;
        (double, double) P(double s, double t) => (cx + s * ux + t * nx, cy + s * uy + t * ny);
        return [P(-depth / 2, -20), P(depth / 2, -20), P(depth / 2 - 4, 75), P(depth / 2 - 4 - depth / 3, 75)];
    }

    /// <summary>A vertebral body: a dark cortical shell (about 1 mm, the endplates) around brighter fatty marrow, as on T2 TSE; both
    /// endplates dip <see cref="EndplateConcavity"/> into the body. Corners: top-anterior, top-posterior, bottom-posterior, bottom-anterior.</summary>
    private static void DrawBone(LabelMap m, Volume<float> s, (double X, double Y)[] outline, short label, (double X, double Y)[] marrow)
    {
        Draw(m, s, Concave(outline), label, Cortex);
        PolygonRasterizer.Fill(s, Concave(marrow), Marrow);
    }

    private static (double X, double Y)[] Concave((double X, double Y)[] q) =>
        [.. Endplate(q[0], q[1], q[3], EndplateConcavity, 0, 1), .. Endplate(q[2], q[3], q[0], EndplateConcavity, 0, 1)];

    /// <summary>
    /// Points of the endplate from corner <paramref name="a"/> to corner <paramref name="b"/> (fractions u0..u1 of the way), dipping
    /// depth·sin²(πu) towards <paramref name="inside"/>'s side of the line: a smooth bowl, flat at the rims (the ring apophysis).
    /// </summary>
    private static (double X, double Y)[] Endplate((double X, double Y) a, (double X, double Y) b, (double X, double Y) inside, double depth, double u0, double u1, int n = 24)
    {
        var (ex, ey) = Unit(b, a);
        var (nx, ny) = (-ey, ex);
        if ((inside.X - a.X) * nx + (inside.Y - a.Y) * ny < 0) (nx, ny) = (-nx, -ny);
        return Enumerable.Range(0, n).Select(i => n == 1 ? u0 : u0 + (u1 - u0) * i / (n - 1)).Select(u =>
        {
            var d = depth * Math.Pow(Math.Sin(Math.PI * u), 2);
            return (a.X + u * (b.X - a.X) + d * nx, a.Y + u * (b.Y - a.Y) + d * ny);
        }).ToArray();
    }

    private static void Draw(LabelMap m, Volume<float> s, (double X, double Y)[] p, short label, float value)
    {
        PolygonRasterizer.Fill(m.Labels, p, label);
        PolygonRasterizer.Fill(s, p, value);
    }

    private static (double, double) Dir(double deg) => (Math.Cos(deg * Math.PI / 180), Math.Sin(deg * Math.PI / 180));
    private static (double, double) Normal(double deg) { var (x, y) = Dir(deg); return (-y, x); }
    private static (double X, double Y) Mid((double X, double Y) a, (double X, double Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);
    private static double Dist((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
    private static (double, double) Unit((double X, double Y) from, (double X, double Y) to) { var d = Dist(from, to); return ((from.X - to.X) / d, (from.Y - to.Y) / d); }

    /// <summary>Point <paramref name="distance"/> mm beyond <paramref name="edge"/> on the line from <paramref name="from"/> through it.</summary>
    private static (double X, double Y) Offset((double X, double Y) edge, (double X, double Y) from, double distance)
    {
        var (ux, uy) = Unit(edge, from);
        return (edge.X + distance * ux, edge.Y + distance * uy);
    }

    /// <summary>The quadrilateral scaled about its centroid by fu along its first edge's direction and fv across it.</summary>
    private static (double X, double Y)[] Shrink((double X, double Y)[] q, double fu, double fv)
    {
        var cx = q.Average(p => p.X); var cy = q.Average(p => p.Y);
        var (ux, uy) = Unit(q[1], q[0]); var nx = -uy; var ny = ux;
        return q.Select(p =>
        {
            var s = (p.X - cx) * ux + (p.Y - cy) * uy; var t = (p.X - cx) * nx + (p.Y - cy) * ny;
            return (cx + fu * s * ux + fv * t * nx, cy + fu * s * uy + fv * t * ny);
        }).ToArray();
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
