namespace DiscScope.Analysis.Mri;

/// <summary>Thresholds of level assignment. Sizes in mm and mm²; defaults suit adult lumbar MRI.</summary>
public sealed record LevelAssignmentOptions
{
    public static LevelAssignmentOptions Default { get; } = new();

    /// <summary>Disc regions smaller than this are noise (a lumbar disc on a mid-sagittal slice is ~300-600 mm²).</summary>
    public double MinDiscAreaMm2 { get; init; } = 25;
    /// <summary>Vertebra regions smaller than this are noise.</summary>
    public double MinVertebraAreaMm2 { get; init; } = 40;
    /// <summary>Below this canal area the canal is taken as not segmented and disc regions are not checked against it.</summary>
    public double MinCanalAreaMm2 { get; init; } = 200;
    /// <summary>A spine needs at least this many discs in a column.</summary>
    public int MinDiscs { get; init; } = 3;
    /// <summary>Disc fragments whose centroids are closer than this vertically are one disc.</summary>
    public double MergeDiscFragmentsMm { get; init; } = 6;
    /// <summary>Allowed vertical distance between adjacent discs (mm).</summary>
    public double MinDiscGapMm { get; init; } = 12;
    public double MaxDiscGapMm { get; init; } = 75;
    /// <summary>A top disc region below this fraction of the median disc area, and not cut by the image edge, is a fragment.</summary>
    public double FragmentDiscFraction { get; init; } = 0.3;
    /// <summary>A vertebral body below the lowest disc found with at least this share of the median lumbar body area is L5, not sacrum.</summary>
    public double LumbarBodyMinFraction { get; init; } = 0.85;
    /// <summary>A lowest disc with less than this fraction of the median disc area is reported as possible transitional anatomy.</summary>
    public double RudimentaryDiscFraction { get; init; } = 0.35;
    /// <summary>
    /// Below L5-S1 the column turns backwards along the sacrum, so a lowest "disc" lying more than this (mm) anterior to the disc above it
    /// is in the pelvis (bowel, uterus, vessels), not in the column. Chosen on spider/midsag (5 / 10 / 20 tried): 6 series with pelvic
    /// regions counted as discs lost them, none lost a real disc.
    /// </summary>
    public double MaxLowestDiscAnteriorShiftMm { get; init; } = 10;
}
