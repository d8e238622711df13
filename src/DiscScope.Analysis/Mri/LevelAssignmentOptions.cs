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
    /// <summary>A parse that ends with fewer discs than this, after every rule, is not reported as a spine: a sagittal lumbar MR shows at
    /// least L2-L3 to L5-S1, and three-disc parses are what pictures that are not lumbar MR give (DICOM test images, screenshots).</summary>
    public int MinReportedDiscs { get; init; } = 4;
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
    /// <summary>A lowest disc below this fraction of the median disc area whose body above is also small is the S1-S2 remnant
    /// (<see cref="SacralRemnant"/>).</summary>
    public double SacralRemnantDiscFraction { get; init; } = 0.5;
    /// <inheritdoc cref="SacralRemnantDiscFraction"/>
    public double SacralRemnantBodyFraction { get; init; } = 0.5;
    /// <summary>
    /// Below L5-S1 the column turns backwards along the sacrum, so a lowest "disc" lying more than this (mm) anterior to the disc above it
    /// is in the pelvis (bowel, uterus, vessels), not in the column. Chosen on spider/midsag (5 / 10 / 20 tried): 6 series with pelvic
    /// regions counted as discs lost them, none lost a real disc.
    /// </summary>
    public double MaxLowestDiscAnteriorShiftMm { get; init; } = 10;
    /// <summary>
    /// Upside-down check: on a lumbar sagittal image the canal runs up out of the image (thoracic canal) and ends within it at the
    /// bottom (thecal sac, sacrum). A canal column that reaches below this fraction of the image height while its top lies at least
    /// <see cref="UpsideDownCanalTopFraction"/> of the height below the top edge is read as an image with inferior at the top. Chosen on
    /// spider/midsag (350 series): it flags the 5 series stored upside down (52_t1, 52_t2_SPACE, 57_t1, 57_t2, 57_t2_SPACE; canal
    /// 0.11-0.18 to 0.96-1.00 of the height) and none of the others (canals reaching 0.97-1.00 of the height start at 0.00).
    /// </summary>
    public double UpsideDownCanalBottomFraction { get; init; } = 0.95;
    /// <inheritdoc cref="UpsideDownCanalBottomFraction"/>
    public double UpsideDownCanalTopFraction { get; init; } = 0.05;
}
