using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;
using DiscScope.Imaging;

namespace DiscScope.Analysis.Measurements;

/// <summary>
/// Measures every labelled disc and vertebra on a mid-sagittal label slice in the canonical frame (columns anterior->posterior,
/// rows superior->inferior), labels in DiscScope's convention (<see cref="SpineLabel"/>). Pure: (labels, image) -> measurements.
/// </summary>
public static class SpineMorphometry
{
    private const int MinPixels = 10;

    /// <summary>
    /// Widest seam (mm, both endplates together) between a disc mask and its neighbouring bodies that still counts as the endplates'
    /// dark line: SPIDER's masks (and networks trained on them) leave ~1.3 mm unlabelled at each endplate.
    /// </summary>
    public const double MaxEndplateSeamMm = 4.0;

    public static SpineMeasurements Measure(LabelMap slice, Volume<float>? image = null)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (slice.Geometry.SizeK != 1) throw new ArgumentException("measurements take one sagittal slice (SizeK = 1)", nameof(slice));
        if (image is not null && !image.Geometry.SameAs(slice.Geometry, 1e-3)) throw new ArgumentException("image and labels differ in geometry", nameof(image));

        var present = slice.Present();
        var canal = PlanarPoints.Of(slice, SpineLabel.Canal);
        var bodies = present.Where(l => SpineLabel.StructureOf(l) == Structure.Vertebra)
            .ToDictionary(l => (int)l, l => VertebralBody(PlanarPoints.Of(slice, l), canal))
            .Where(kv => kv.Value.Count >= MinPixels).ToDictionary();
        var discs = present.Where(l => SpineLabel.StructureOf(l) == Structure.Disc)
            .Select(l => (K: l - SpineLabel.DiscBase, P: PlanarPoints.Of(slice, l)))
            .Where(d => d.P.Count >= MinPixels).OrderBy(d => d.K).ToList();

        var frames = discs.ToDictionary(d => d.K, d => LocalFrame.Principal(d.P));
        var vertebrae = new List<VertebraMeasurement>();
        foreach (var (label, body) in bodies.OrderByDescending(kv => kv.Key == SpineLabel.Sacrum ? 0 : kv.Key))
        {
            if (label == SpineLabel.Sacrum) continue; // the sacrum has no body heights in this sense
            // Orientation from the disc below this vertebra (k = label), else the disc above (k = label + 1).
            LocalFrame? f = frames.TryGetValue(label, out var fb) ? fb : frames.TryGetValue(label + 1, out var fa) ? fa : null;
            var frame = (f ?? new LocalFrame(0, 0, 1, 0)).At(body.X.Average(), body.Y.Average());
            vertebrae.Add(new VertebraMeasurement(SpineLabel.VertebraOf(label), Morphometry.Heights(body, frame)));
        }

        var discResults = new List<DiscMeasurement>();
        foreach (var (k, p) in discs)
        {
            var f = frames[k];
            bodies.TryGetValue(k, out var upper);
            bodies.TryGetValue(k == 1 ? SpineLabel.Sacrum : k - 1, out var lower);
            discResults.Add(MeasureDisc(DiscLevel.FromSpiderIvdLabel(k), p, f, upper, lower, canal, image));
        }
        return new SpineMeasurements(discResults, vertebrae, Lordosis(bodies, frames, discs.FirstOrDefault(d => d.K == 1).P));
    }

    /// <summary>The vertebral body: vertebra pixels anterior to the canal's anterior margin in the same row (all pixels when there is no canal).</summary>
    public static PlanarPoints VertebralBody(PlanarPoints vertebra, PlanarPoints canal)
    {
        if (canal.IsEmpty || vertebra.IsEmpty) return vertebra;
        var front = new Dictionary<double, double>();
        for (var n = 0; n < canal.Count; n++)
            front[canal.Y[n]] = front.TryGetValue(canal.Y[n], out var x) ? Math.Min(x, canal.X[n]) : canal.X[n];
        var rows = vertebra.Y.Where(front.ContainsKey).Select(y => front[y]).ToList();
        if (rows.Count == 0) return vertebra;
        rows.Sort();
        var median = rows[rows.Count / 2];
        return vertebra.Where((x, y) => x < (front.TryGetValue(y, out var fx) ? fx : median));
    }

    private static DiscMeasurement MeasureDisc(DiscLevel level, PlanarPoints disc, LocalFrame f, PlanarPoints? upper, PlanarPoints? lower,
        PlanarPoints canal, Volume<float>? image)
    {
        var heights = Morphometry.DiscSpaceHeights(disc, upper, lower, f, MaxEndplateSeamMm);
        var adjacent = new[] { upper, lower }.Where(b => b is not null).Select(b => Morphometry.HeightAt(b!, f.At(b!.X.Average(), b.Y.Average()), 0.5)).ToList();
        double? dhi = adjacent.Count > 0 ? heights.Mean.Value / adjacent.Average() : null;
        var wedge = Degrees.FromRadians(Math.Atan(Morphometry.BoundarySlope(disc, f, upper: true)) - Math.Atan(Morphometry.BoundarySlope(disc, f, upper: false)));

        var (_, sMax) = Morphometry.SRange(disc, f);
        var halfU = disc.PixelExtent(f.Ux, f.Uy) / 2;
        var (tTop, tBottom) = Morphometry.TRange(disc, f);
        var postU = upper is null ? (double?)null : PosteriorMargin(upper, f, nearT: tTop, above: true);
        var postL = lower is null ? (double?)null : PosteriorMargin(lower, f, nearT: tBottom, above: false);
        Millimetres? displacement = postU is null && postL is null ? null
            : new Millimetres(sMax + halfU - new[] { postU, postL }.Where(v => v is not null).Average(v => v!.Value));

        Listhesis? slip = null;
        if (postU is not null && postL is not null)
        {
            var depth = Depth(lower!, f, tBottom, above: false);
            var mm = postL.Value - postU.Value;
            slip = new Listhesis(new Millimetres(mm), depth > 0 ? 100 * mm / depth : 0);
        }

        var band = canal.Where((x, y) => Math.Abs(f.T(x, y)) <= 1.0);
        Millimetres? canalAp = band.IsEmpty ? null : new Millimetres(Morphometry.Length(band, f));

        double? sir = null;
        if (image is not null && !canal.IsEmpty)
        {
            var (sLo, sHi) = Morphometry.SRange(disc, f);
            var sMid = (sLo + sHi) / 2;
            var column = disc.Where((x, y) => Math.Abs(f.S(x, y) - sMid) <= 0.15 * (sHi - sLo));
            var (cTop, cBottom) = column.IsEmpty ? (tTop, tBottom) : Morphometry.TRange(column, f);
            var tMid = (cTop + cBottom) / 2;
            var core = column.Where((x, y) => Math.Abs(f.T(x, y) - tMid) <= 0.2 * (cBottom - cTop) + 1e-9);
            var csf = canal.Where((x, y) => f.T(x, y) >= tTop && f.T(x, y) <= tBottom);
            if (!core.IsEmpty && !csf.IsEmpty)
            {
                var c = csf.Index.Average(i => image.Voxels[i]);
                if (c > 0) sir = core.Index.Average(i => image.Voxels[i]) / c;
            }
        }
        return new DiscMeasurement(level, heights, dhi, wedge, displacement, sir, canalAp, slip);
    }

    /// <summary>Posterior margin (max s + half a pixel) of the body's endplate band: the 3 mm of the body nearest the disc.</summary>
    private static double? PosteriorMargin(PlanarPoints body, LocalFrame f, double nearT, bool above)
    {
        var band = EndplateBand(body, f, above);
        if (band.IsEmpty) return null;
        return Morphometry.SRange(band, f).Max + band.PixelExtent(f.Ux, f.Uy) / 2;
    }

    private static double Depth(PlanarPoints body, LocalFrame f, double nearT, bool above)
    {
        var band = EndplateBand(body, f, above);
        return band.IsEmpty ? 0 : Morphometry.Length(band, f);
    }

    private static PlanarPoints EndplateBand(PlanarPoints body, LocalFrame f, bool above)
    {
        var (tLo, tHi) = Morphometry.TRange(body, f);
        return above ? body.Where((x, y) => f.T(x, y) >= tHi - 3) : body.Where((x, y) => f.T(x, y) <= tLo + 3);
    }

    /// <summary>L1 upper endplate vs S1 upper endplate (lower boundary of the L5-S1 disc); null when either is missing.</summary>
    private static Degrees? Lordosis(Dictionary<int, PlanarPoints> bodies, Dictionary<int, LocalFrame> frames, PlanarPoints? l5s1)
    {
        var l1 = SpineLabel.Of(VertebraLevel.L1);
        if (l5s1 is null || !bodies.TryGetValue(l1, out var body) || !frames.TryGetValue(1, out var fS1)) return null;
        var fL1 = (frames.TryGetValue(l1 + 1, out var above) ? above : frames.TryGetValue(l1, out var below) ? below : (LocalFrame?)null);
        if (fL1 is null) return null;
        var f = fL1.Value.At(body.X.Average(), body.Y.Average());
        var aL1 = Morphometry.LineAngle(f, Morphometry.BoundarySlope(body, f, upper: true));
        var aS1 = Morphometry.LineAngle(fS1, Morphometry.BoundarySlope(l5s1, fS1, upper: false));
        return Degrees.FromRadians(aL1 - aS1);
    }
}
