namespace DiscScope.Analysis.Mri;

/// <summary>
/// The spinal canal as one column: the largest canal region plus the regions that continue it (a canal narrowed to nothing at a stenotic
/// level splits into pieces stacked one above the other). Canal-like blobs elsewhere, such as fluid-filled bowel in the pelvis, are left
/// out, so they cannot make the discs beside them look like part of the spine.
/// </summary>
public static class CanalColumn
{
    /// <summary>Regions of the column; empty when there are none.</summary>
    /// <param name="regions">Canal-class regions of a sagittal map.</param>
    /// <param name="maxGapMm">Largest vertical gap between a piece and the column for the piece to continue it.</param>
    /// <param name="maxShiftMm">Largest horizontal offset of a piece's centroid from the nearest column piece's centroid.</param>
    /// <param name="minAreaFraction">Pieces smaller than this share of the largest region are noise.</param>
    public static IReadOnlyList<Component2D> Select(IReadOnlyList<Component2D> regions, double maxGapMm = 25, double maxShiftMm = 30, double minAreaFraction = 0.05)
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
                var nearest = column.MinBy(c => Math.Abs(c.CentroidYMm - r.CentroidYMm))!;
                if (gap > maxGapMm || Math.Abs(nearest.CentroidXMm - r.CentroidXMm) > maxShiftMm) continue;
                column.Add(r); rest.Remove(r); added = true;
            }
        }
        return column;
    }

    /// <summary>The map with canal-class pixels outside the column set to background (what the parser's label map keeps as canal).</summary>
    public static ClassMap2D KeepColumn(ClassMap2D map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var column = Select(ConnectedComponents.Find(map, Domain.Anatomy.Structure.Canal));
        var keep = new HashSet<int>(column.SelectMany(c => c.Pixels));
        var classes = (byte[])map.Classes.Clone();
        for (var i = 0; i < classes.Length; i++)
            if (classes[i] == (byte)Domain.Anatomy.Structure.Canal && !keep.Contains(i)) classes[i] = (byte)Domain.Anatomy.Structure.Background;
        return new ClassMap2D(classes, map.Width, map.Height, map.ColumnSpacing, map.RowSpacing);
    }
}
