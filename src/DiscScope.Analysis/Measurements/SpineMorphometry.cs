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

    /// <summary>Least tallest height of a vertebral body, as a share of the median over the slice's bodies, for it to be measured.</summary>
    public const double MinBodyHeightFraction = 0.5;

    /// <summary>Least length of one endplate (along the disc's axis), as a share of the other endplate's across the disc, for its posterior
    /// margin to count in the displacement and slip.</summary>
    public const double MinEndplateCoverage = 0.7;

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

        // Heights are taken on each body's largest connected piece (see VertebralBody), once per body.
        var pieces = bodies.ToDictionary(kv => kv.Key, kv => kv.Value.LargestComponent());
        var frames = discs.ToDictionary(d => d.K, d => LocalFrame.Principal(d.P));
        var vertebrae = new List<VertebraMeasurement>();
        foreach (var (label, body) in bodies.OrderByDescending(kv => kv.Key == SpineLabel.Sacrum ? 0 : kv.Key))
        {
            if (label == SpineLabel.Sacrum) continue; // the sacrum has no body heights in this sense
            // Orientation from the disc below this vertebra (k = label), else the disc above (k = label + 1).
            LocalFrame? f = frames.TryGetValue(label, out var fb) ? fb : frames.TryGetValue(label + 1, out var fa) ? fa : null;
            var piece = pieces[label];
            // A body cut by the edge of the image shows only part of its height: not measurable (it would read as crushed).
            if (TouchesEdge(piece, slice.Geometry.SizeI, slice.Geometry.SizeJ)) continue;
            var frame = (f ?? new LocalFrame(0, 0, 1, 0)).At(piece.X.Average(), piece.Y.Average());
            var heights = Morphometry.Heights(piece, frame);
            // A station that crosses no body pixel (a body split in pieces) gives no height: the body is not measurable, and a zero
            // height must not read as a crushed vertebra.
            if (Measurable(heights)) vertebrae.Add(new VertebraMeasurement(SpineLabel.VertebraOf(label), heights));
        }
        // A "body" whose tallest station is under half the typical body's (a body cut by the edge of the field of view that the image's
        // padding hides, or a fragment) is not a whole vertebral body: not measured, never flagged as crushed. A vertebra plana would be
        // missed by this rule, and is left to the reader.
        if (vertebrae.Count >= 3)
        {
            static double Tallest(VertebraMeasurement v) => Math.Max(v.Heights.Anterior.Value, Math.Max(v.Heights.Middle.Value, v.Heights.Posterior.Value));
            var typical = vertebrae.Select(Tallest).Order().ElementAt(vertebrae.Count / 2);
            vertebrae.RemoveAll(v => Tallest(v) < MinBodyHeightFraction * typical);
        }

        var discResults = new List<DiscMeasurement>();
        foreach (var (k, p) in discs)
        {
            var f = frames[k];
            var below = k == 1 ? SpineLabel.Sacrum : k - 1;
            bodies.TryGetValue(k, out var upper);
            bodies.TryGetValue(below, out var lower);
            var adjacentPieces = new[] { k, below }.Where(pieces.ContainsKey).Select(b => pieces[b]).ToList();
            if (MeasureDisc(DiscLevel.FromSpiderIvdLabel(k), p, f, upper, lower, adjacentPieces, canal, image) is { } m) discResults.Add(m);
        }
        return new SpineMeasurements(discResults, vertebrae, Lordosis(bodies, frames, discs.FirstOrDefault(d => d.K == 1).P));
    }

    /// <summary>The vertebral body: vertebra pixels anterior to the canal's anterior margin in the same row (all pixels when there is no canal).
    /// Heights are taken on its largest connected piece, so that stray pixels of the label elsewhere (the network's false positives in the
    /// abdomen, which the level assigner names by their position) do not stretch the body; endplates are taken next to the disc.</summary>
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

    /// <summary>True when a point lies in the first or last row or column of a <paramref name="width"/> x <paramref name="height"/> slice.</summary>
    private static bool TouchesEdge(PlanarPoints p, int width, int height)
    {
        for (var n = 0; n < p.Count; n++)
        {
            long c = (long)Math.Round(p.X[n] / p.SpacingX), r = (long)Math.Round(p.Y[n] / p.SpacingY);
            if (c <= 0 || r <= 0 || c >= width - 1 || r >= height - 1) return true;
        }
        return false;
    }

    /// <summary>True when every station has a positive, finite height.</summary>
    private static bool Measurable(VertebralHeights h) =>
        new[] { h.Anterior.Value, h.Middle.Value, h.Posterior.Value }.All(v => double.IsFinite(v) && v > 0);

    /// <summary>The disc's measurements; null when its heights cannot be measured (a station crossing no disc pixel).
    /// <paramref name="adjacentPieces"/>: the largest connected pieces of the neighbouring bodies, the height index's reference.</summary>
    private static DiscMeasurement? MeasureDisc(DiscLevel level, PlanarPoints disc, LocalFrame f, PlanarPoints? upper, PlanarPoints? lower,
        IReadOnlyList<PlanarPoints> adjacentPieces, PlanarPoints canal, Volume<float>? image)
    {
        var heights = Morphometry.DiscSpaceHeights(disc, upper, lower, f, MaxEndplateSeamMm);
        if (!Measurable(heights)) return null;
        // Only bodies with a measurable middle height count as the index's reference (a zero would make the index infinite).
        var adjacent = adjacentPieces.Select(b => Morphometry.HeightAt(b, f.At(b.X.Average(), b.Y.Average()), 0.5))
            .Where(h => double.IsFinite(h) && h > 0).ToList();
        double? dhi = adjacent.Count > 0 ? heights.Mean.Value / adjacent.Average() : null;
        var wedge = Degrees.FromRadians(Math.Atan(Morphometry.BoundarySlope(disc, f, upper: true)) - Math.Atan(Morphometry.BoundarySlope(disc, f, upper: false)));

        var (_, sMax) = Morphometry.SRange(disc, f);
        var halfU = disc.PixelExtent(f.Ux, f.Uy) / 2;
        var (tTop, tBottom) = Morphometry.TRange(disc, f);
        var discCells = Cells(disc);
        PlanarPoints? Endplate(PlanarPoints? body) => body is null ? null : EndplateBand(body, discCells, disc.SpacingX, disc.SpacingY) is { IsEmpty: false } e ? e : null;
        var endplateU = Endplate(upper);
        var endplateL = Endplate(lower);
        // An endplate much shorter than the one across the disc (a body only partly segmented, as the sacrum often is) has no trustworthy
        // posterior margin: it is left out rather than read as a slip.
        if (endplateU is not null && endplateL is not null)
        {
            double lu = Morphometry.Length(endplateU, f), ll = Morphometry.Length(endplateL, f);
            if (lu < MinEndplateCoverage * ll) endplateU = null;
            else if (ll < MinEndplateCoverage * lu) endplateL = null;
        }
        var postU = endplateU is null ? (double?)null : PosteriorMargin(endplateU, f);
        var postL = endplateL is null ? (double?)null : PosteriorMargin(endplateL, f);
        Millimetres? displacement = postU is null && postL is null ? null
            : new Millimetres(sMax + halfU - new[] { postU, postL }.Where(v => v is not null).Average(v => v!.Value));

        Listhesis? slip = null;
        if (postU is not null && postL is not null)
        {
            var depth = Morphometry.Length(endplateL!, f);
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
                // CSF is the brightest tissue on T2; a ratio beyond 100 means the canal is (near) black, so there is no reference.
                if (c > 0 && core.Index.Average(i => image.Voxels[i]) / c is var r && double.IsFinite(r) && Math.Abs(r) <= 100) sir = r;
            }
        }
        return new DiscMeasurement(level, heights, dhi, wedge, displacement, sir, canalAp, slip);
    }

    /// <summary>Posterior margin (max s + half a pixel) of a body's endplate band; null when the band is empty.</summary>
    private static double? PosteriorMargin(PlanarPoints band, LocalFrame f) =>
        band.IsEmpty ? null : Morphometry.SRange(band, f).Max + band.PixelExtent(f.Ux, f.Uy) / 2;

    /// <summary>
    /// The body's endplate next to the disc: its pixels within <see cref="MaxEndplateSeamMm"/> of a disc pixel (per axis). Taken by
    /// distance to the disc, not as a band of the body along the disc's normal, so a steeply tilted L5-S1 still gets the whole endplate, and
    /// pixels of the label far from the disc (pelvic false positives named sacrum) cannot stand in for it.
    /// </summary>
    private static PlanarPoints EndplateBand(PlanarPoints body, HashSet<(long, long)> discCells, double sx, double sy)
    {
        int rx = (int)Math.Ceiling(MaxEndplateSeamMm / sx), ry = (int)Math.Ceiling(MaxEndplateSeamMm / sy);
        return body.Where((x, y) =>
        {
            long c = (long)Math.Round(x / sx), r = (long)Math.Round(y / sy);
            for (var dy = -ry; dy <= ry; dy++)
                for (var dx = -rx; dx <= rx; dx++)
                    if (discCells.Contains((c + dx, r + dy))) return true;
            return false;
        });
    }

    /// <summary>The points' (column, row) pixel cells.</summary>
    private static HashSet<(long, long)> Cells(PlanarPoints p)
    {
        var cells = new HashSet<(long, long)>(p.Count);
        for (var n = 0; n < p.Count; n++) cells.Add(((long)Math.Round(p.X[n] / p.SpacingX), (long)Math.Round(p.Y[n] / p.SpacingY)));
        return cells;
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
