using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Spine parsing of a sagittal MR image or series: checks (orientation, signal) -> every sagittal slice segmented -> mid-sagittal slice
/// chosen by canal area -> levels named there (<see cref="SpineLevelAssigner"/>) -> labels carried to every slice through the disc planes.
/// 2D images (one slice) are taken as sagittal with columns anterior->posterior and rows superior->inferior.
/// With a <paramref name="gate"/>, a parse that found a spine is kept only when the gate takes the slice it was found on for a sagittal
/// spine MR (<see cref="SpineImageGate"/>): the segmentation network alone finds disc columns on radiographs.
/// </summary>
public sealed class SpineParser(SliceSegmenter segmenter, SpineParseOptions? options = null, SpineImageGate? gate = null)
{
    private readonly SpineParseOptions _o = options ?? SpineParseOptions.Default;

    /// <summary>The image gate in use (null: none).</summary>
    public SpineImageGate? Gate { get; } = gate;

    /// <summary>The slice segmenter in use.</summary>
    public SliceSegmenter Segmenter { get; } = segmenter ?? throw new ArgumentNullException(nameof(segmenter));

    public SpineSegmentation Parse(IVolume input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var g = input.Geometry;
        if (SagittalCheck.Orientation(g) is { } notSagittal) return new(notSagittal, null, -1, []);
        // The size check reads the header only, so it comes before the pass over every voxel.
        if (FieldOfViewCheck.TooLargeToSegment([g.SizeI, g.SizeJ, g.SizeK], [g.Spacing.X, g.Spacing.Y, g.Spacing.Z]) is { } tooLarge)
            return new(new NoSagittalSpine(NoSpineReason.ImageTooLarge, tooLarge), null, -1, []);
        if (SagittalCheck.Signal(input) is { } empty) return new(empty, null, -1, []);

        var f = input.ToFloat();
        var bare2D = IsBare2D(g);
        var alreadyPil = bare2D || IsIdentityPlan(g.Direction);
        var pil = alreadyPil ? f : Reorientation.Reorient(f, Reorientation.CanonicalSagittal);
        int w = pil.SizeI, h = pil.SizeJ, d = pil.SizeK;
        double sx = pil.Geometry.Spacing.X, sy = pil.Geometry.Spacing.Y;
        var slices = new float[d][];
        for (var k = 0; k < d; k++) { slices[k] = new float[w * h]; Array.Copy(pil.Voxels, (long)k * w * h, slices[k], 0, w * h); }
        var maps = Segmenter.SegmentMany(slices, w, h, sx, sy);

        var mid = MidSagittal(maps);
        SpineParseResult best = new NoSagittalSpine(NoSpineReason.NoSpineStructures, "no vertebra, disc or canal found on any slice");
        var bestSlice = mid;
        if (mid >= 0)
        {
            for (var off = 0; off <= _o.MidSagittalSearch; off++)
                foreach (var k in off == 0 ? new[] { mid } : [mid - off, mid + off])
                {
                    if (k < 0 || k >= d) continue;
                    var r = SpineLevelAssigner.Assign(maps[k], _o.Levels);
                    if (r is ParsedSpine p && (best is not ParsedSpine b || p.Discs.Count > b.Discs.Count)) { best = p; bestSlice = k; }
                    else if (best is NoSagittalSpine && r is NoSagittalSpine && k == mid) best = r;
                }
        }
        if (FieldOfViewCheck.Unusual(w * sx, h * sy) is { } fov)
            best = best switch
            {
                ParsedSpine p => p with { Warnings = [.. p.Warnings, new LevelWarning(LevelWarningKind.UnusualFieldOfView, fov)] },
                NoSagittalSpine n => n with { Reason = $"{n.Reason}; {fov}" },
                _ => best,
            };
        if (best is not ParsedSpine parsed) return new(best, null, mid, maps);
        if (Gate?.Check(slices[bestSlice], w, h, sx, sy) is { } notSpine) return new(notSpine, null, bestSlice, maps);

        var labels = new Volume<short>(pil.Geometry);
        for (var k = 0; k < d; k++)
        {
            var plane = (long)k * w * h;
            if (k == bestSlice) { Array.Copy(parsed.Labels, 0, labels.Voxels, plane, w * h); continue; }
            LabelSlice(maps[k], parsed.Discs, labels.Voxels.AsSpan((int)plane, w * h));
        }
        var output = alreadyPil ? new Volume<short>(g, labels.Voxels) : BackToInput(labels, g);
        return new(parsed, new LabelMap(output), bestSlice, maps);
    }

    /// <summary>
    /// <see cref="Parse"/>, and when <paramref name="image"/> is a bare 2D image (its orientation only assumed) that the parse finds upside
    /// down (<see cref="LevelWarningKind.ImageUpsideDown"/>), a second parse of it flipped top to bottom, kept if that one is upright.
    /// Returns the image the parse refers to and whether it was flipped. Images with a recorded orientation (DICOM, NIfTI, MHA) are never
    /// flipped: their warning stays.
    /// </summary>
    public (IVolume Image, SpineSegmentation Segmentation, bool Flipped) ParseUpright(IVolume image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var seg = Parse(image);
        if (!IsBare2D(image.Geometry) || seg.Result is not ParsedSpine p || !p.Warnings.Any(w => w.Kind == LevelWarningKind.ImageUpsideDown))
            return (image, seg, false);
        var flipped = RowFlip.Apply(image);
        var again = Parse(flipped);
        return again.Result is ParsedSpine q && !q.Warnings.Any(w => w.Kind == LevelWarningKind.ImageUpsideDown) ? (flipped, again, true) : (image, seg, false);
    }

    /// <summary>True for a single slice with an identity direction: a 2D image (PNG) whose orientation is assumed, not recorded.</summary>
    public static bool IsBare2D(ImageGeometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return g.SizeK == 1 && g.Direction.MaxAbsDifference(Matrix3.Identity) < 1e-9;
    }

    /// <summary>
    /// The mid-sagittal slice: the area-weighted median slice of the canal (slices with at least 20% of the largest canal area), so a
    /// stray canal-like region on a lateral slice cannot win; without canal, the same on disc + vertebra area; -1 when all empty.
    /// </summary>
    public static int MidSagittal(IReadOnlyList<ClassMap2D> maps)
    {
        int Pick(Func<ClassMap2D, double> score)
        {
            var s = maps.Select(score).ToArray();
            var max = s.Length == 0 ? 0 : s.Max();
            if (max <= 0) return -1;
            var w = s.Select(v => v >= 0.2 * max ? v : 0).ToArray();
            var half = w.Sum() / 2; double acc = 0;
            for (var k = 0; k < w.Length; k++) { acc += w[k]; if (acc >= half) return k; }
            return w.Length - 1;
        }
        var c = Pick(m => m.Count(Structure.Canal));
        return c >= 0 ? c : Pick(m => m.Count(Structure.Disc) + m.Count(Structure.Vertebra));
    }

    /// <summary>Labels one slice's classes with the levels found on the mid-sagittal slice.</summary>
    public static void LabelSlice(ClassMap2D map, IReadOnlyList<DiscInstance> discs, Span<short> o)
    {
        var top = discs.Min(x => x.CentroidYMm) - 60; var bottom = discs.Max(x => x.CentroidYMm) + 90;
        var ordered = discs.OrderBy(x => x.CentroidYMm).ToArray();
        var column = CanalColumn.KeepColumn(map).Classes;
        for (var y = 0; y < map.Height; y++)
        {
            var ym = y * map.RowSpacing;
            var colX = ColumnX(ordered, ym);
            for (var x = 0; x < map.Width; x++)
            {
                var i = y * map.Width + x;
                var xm = x * map.ColumnSpacing;
                o[i] = (Structure)map.Classes[i] switch
                {
                    Structure.Canal => column[i] == (byte)Structure.Canal ? SpineLabel.Canal : (short)0,
                    Structure.Disc => SpineLevelAssigner.DiscLabelAt(discs, xm, ym),
                    Structure.Vertebra when ym >= top && ym <= bottom && Math.Abs(xm - colX) <= 90 => SpineLevelAssigner.VertebraLabelAt(discs, xm, ym),
                    _ => 0,
                };
            }
        }
    }

    private static double ColumnX(DiscInstance[] byY, double y)
    {
        if (y <= byY[0].CentroidYMm) return byY[0].CentroidXMm;
        for (var i = 1; i < byY.Length; i++)
            if (y <= byY[i].CentroidYMm)
            {
                var t = (y - byY[i - 1].CentroidYMm) / Math.Max(1e-9, byY[i].CentroidYMm - byY[i - 1].CentroidYMm);
                return byY[i - 1].CentroidXMm + t * (byY[i].CentroidXMm - byY[i - 1].CentroidXMm);
            }
        return byY[^1].CentroidXMm;
    }

    /// <summary>True when the grid's axes already run P, I, L (no permutation, no flip needed).</summary>
    private static bool IsIdentityPlan(Matrix3 direction)
    {
        var (perm, flip) = Reorientation.Plan(direction, Reorientation.CanonicalSagittal);
        return perm[0] == 0 && perm[1] == 1 && perm[2] == 2 && !flip[0] && !flip[1] && !flip[2];
    }

    /// <summary>Permutes a PIL label volume back onto the input grid (exact, no interpolation).</summary>
    private static Volume<short> BackToInput(Volume<short> pil, ImageGeometry input)
    {
        var back = Reorientation.Reorient(pil, Imaging.Geometry.Orientation.Code(input.Direction));
        if (back.SizeI != input.SizeI || back.SizeJ != input.SizeJ || back.SizeK != input.SizeK)
            throw new InvalidOperationException($"reorientation round trip changed the grid: {back.Geometry} vs {input}");
        return new Volume<short>(input, back.Voxels);
    }
}
