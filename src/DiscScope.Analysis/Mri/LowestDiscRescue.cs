namespace DiscScope.Analysis.Mri;

/// <summary>
/// Takes back an L5-S1 disc that the network segmented but the level assigner turned away. On many T1 slices the network finds the
/// L5-S1 disc yet loses the dark CSF of the lower canal, so the disc lies beyond the canal's end and fails the "in front of the canal"
/// test; the assigner then sees a lumbar-sized body under the lowest disc it kept (L5) and would report L5-S1 as not segmented.
/// A disc-class region is taken back only when it lies right under that body: beyond the body's centre along the column (the direction
/// from the lowest disc kept to the body), within 25 mm of that axis, touching the body (within 3 mm), at a distance from the lowest disc
/// kept that fits the column's spacing (at most 1.5 x the median gap), and no smaller than the minimum disc area. Pelvic blobs do not touch
/// the L5 body and are not taken.
/// </summary>
public static class LowestDiscRescue
{
    /// <summary>The disc region under <paramref name="body"/> (pieces there joined), or null when there is none.</summary>
    /// <param name="body">The body found under the lowest disc of the chain (taken as L5).</param>
    /// <param name="regions">The map's disc-class regions (the candidates).</param>
    /// <param name="map">The sagittal class map the regions come from.</param>
    /// <param name="lowest">The lowest disc of the chain.</param>
    /// <param name="medianGapMm">Median centroid distance between neighbouring discs of the chain.</param>
    /// <param name="exclude">Disc regions already in the chain.</param>
    /// <param name="options">Level assignment thresholds (minimum disc area and gap).</param>
    public static Component2D? Find(Component2D body, IReadOnlyList<Component2D> regions, ClassMap2D map, Component2D lowest, double medianGapMm,
        IReadOnlyCollection<Component2D> exclude, LevelAssignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(body); ArgumentNullException.ThrowIfNull(regions); ArgumentNullException.ThrowIfNull(map); ArgumentNullException.ThrowIfNull(lowest);
        ArgumentNullException.ThrowIfNull(exclude); ArgumentNullException.ThrowIfNull(options);
        double ax = body.CentroidXMm - lowest.CentroidXMm, ay = body.CentroidYMm - lowest.CentroidYMm, len = Math.Sqrt(ax * ax + ay * ay);
        if (len < 1e-6 || !(medianGapMm > 0)) return null;
        ax /= len; ay /= len;
        var bodyPixels = new HashSet<int>(body.Pixels);
        var skip = new HashSet<Component2D>(exclude);
        var pieces = regions.Where(c =>
        {
            if (skip.Contains(c)) return false;
            double dx = c.CentroidXMm - body.CentroidXMm, dy = c.CentroidYMm - body.CentroidYMm;
            return dx * ax + dy * ay > 5 && Math.Abs(dx * ay - dy * ax) < 25 && Touches(c, bodyPixels, map, 3);
        }).ToList();
        if (pieces.Count == 0) return null;
        var disc = pieces.Count == 1 ? pieces[0]
            : ConnectedComponents.Describe([.. pieces.SelectMany(p => p.Pixels)], map.Width, map.ColumnSpacing, map.RowSpacing);
        var gap = Math.Sqrt(Math.Pow(disc.CentroidXMm - lowest.CentroidXMm, 2) + Math.Pow(disc.CentroidYMm - lowest.CentroidYMm, 2));
        return gap >= options.MinDiscGapMm && gap <= 1.5 * medianGapMm && disc.AreaMm2 >= options.MinDiscAreaMm2 ? disc : null;
    }

    /// <summary>True when a pixel of <paramref name="c"/> lies within <paramref name="mm"/> (per axis) of a pixel in <paramref name="target"/>.</summary>
    private static bool Touches(Component2D c, HashSet<int> target, ClassMap2D map, double mm)
    {
        int rx = (int)Math.Ceiling(mm / map.ColumnSpacing), ry = (int)Math.Ceiling(mm / map.RowSpacing);
        foreach (var p in c.Pixels)
        {
            int x = p % map.Width, y = p / map.Width;
            for (var dy = -ry; dy <= ry; dy++)
                for (var dx = -rx; dx <= rx; dx++)
                {
                    int xx = x + dx, yy = y + dy;
                    if (xx >= 0 && yy >= 0 && xx < map.Width && yy < map.Height && target.Contains(yy * map.Width + xx)) return true;
                }
        }
        return false;
    }
}
