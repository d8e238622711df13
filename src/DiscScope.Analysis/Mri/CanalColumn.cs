namespace DiscScope.Analysis.Mri;

/// <summary>
/// The spinal canal as one column: the largest canal region plus the regions that continue it (a canal narrowed to nothing at a stenotic
/// level splits into pieces stacked one above the other). Canal-like blobs elsewhere, such as fluid-filled bowel in the pelvis, are left
/// out, so they cannot make the discs beside them look like part of the spine.
/// A piece above or below the column continues it only if it lies in line with the column's end next to it: the canal curves (lordosis,
/// then backwards along the sacrum), so the column's centroid says little about where its lower end is, and a pelvic blob under the
/// sacrum can sit within a few centimetres of the centroid while lying far in front of the canal's end.
/// </summary>
public static class CanalColumn
{
    /// <summary>Height (mm) of the column's end band whose mean x is the reference for a piece above or below the column.</summary>
    public const double EndBandMm = 10;

    /// <summary>Regions of the column; empty when there are none.</summary>
    /// <param name="regions">Canal-class regions of a sagittal map.</param>
    /// <param name="map">The map the regions come from; when given, a piece above or below the column is compared with the mean x of the
    /// column's pixels in its end band (<see cref="EndBandMm"/>); without it (or for a piece beside the column) with the centroid of the
    /// column piece nearest in height.</param>
    /// <param name="maxGapMm">Largest vertical gap between a piece and the column for the piece to continue it.</param>
    /// <param name="maxShiftMm">Largest horizontal offset of a piece's centroid from the column's reference x.</param>
    /// <param name="minAreaFraction">Pieces smaller than this share of the largest region are noise.</param>
    /// <param name="maxAnteriorShiftBelowMm">Largest offset anterior to the column's lower end of a piece below the column (used when
    /// <paramref name="map"/> is given): below the lumbar spine the canal turns backwards along the sacrum, never forwards into the pelvis.</param>
    public static IReadOnlyList<Component2D> Select(IReadOnlyList<Component2D> regions, ClassMap2D? map = null, double maxGapMm = 25,
        double maxShiftMm = 30, double minAreaFraction = 0.05, double maxAnteriorShiftBelowMm = 15)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0) return [];
        var largest = regions.MaxBy(r => r.AreaMm2)!;
        var column = new List<Component2D> { largest };
        var rest = regions.Where(r => r != largest && r.AreaMm2 >= minAreaFraction * largest.AreaMm2).ToList();
        for (var added = true; added;)
        {
            added = false;
            double top = column.Min(c => c.TopYMm), bottom = column.Max(c => c.BottomYMm);
            foreach (var r in rest.ToList())
            {
                var gap = Math.Max(0, Math.Max(r.TopYMm - bottom, top - r.BottomYMm));
                if (gap > maxGapMm) continue;
                var (referenceX, below) = ReferenceX(column, r, top, bottom, map);
                var shift = r.CentroidXMm - referenceX; // > 0: posterior to the reference
                if (Math.Abs(shift) > maxShiftMm || below && shift < -maxAnteriorShiftBelowMm) continue;
                column.Add(r); rest.Remove(r); added = true;
            }
        }
        return column;
    }

    /// <summary>The x a candidate piece is compared with: the column's end band when the piece lies wholly below or above the column and
    /// the map is known, else the centroid of the column piece nearest in height; and whether the piece was compared with the lower end.</summary>
    private static (double X, bool BelowEnd) ReferenceX(List<Component2D> column, Component2D r, double top, double bottom, ClassMap2D? map)
    {
        var nearest = column.MinBy(c => Math.Abs(c.CentroidYMm - r.CentroidYMm))!;
        if (map is null) return (nearest.CentroidXMm, false);
        double y0, y1;
        if (r.TopYMm >= bottom) (y0, y1) = (bottom - EndBandMm, bottom);
        else if (r.BottomYMm <= top) (y0, y1) = (top, top + EndBandMm);
        else return (nearest.CentroidXMm, false);
        double sum = 0; var n = 0;
        foreach (var c in column)
            foreach (var p in c.Pixels)
            {
                var y = p / map.Width * map.RowSpacing;
                if (y < y0 || y > y1) continue;
                sum += p % map.Width * map.ColumnSpacing; n++;
            }
        return n > 0 ? (sum / n, r.TopYMm >= bottom) : (nearest.CentroidXMm, false);
    }

    /// <summary>The map with canal-class pixels outside the column set to background (what the parser's label map keeps as canal).</summary>
    public static ClassMap2D KeepColumn(ClassMap2D map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var column = Select(ConnectedComponents.Find(map, Domain.Anatomy.Structure.Canal), map);
        var keep = new HashSet<int>(column.SelectMany(c => c.Pixels));
        var classes = (byte[])map.Classes.Clone();
        for (var i = 0; i < classes.Length; i++)
            if (classes[i] == (byte)Domain.Anatomy.Structure.Canal && !keep.Contains(i)) classes[i] = (byte)Domain.Anatomy.Structure.Background;
        return new ClassMap2D(classes, map.Width, map.Height, map.ColumnSpacing, map.RowSpacing);
    }
}
