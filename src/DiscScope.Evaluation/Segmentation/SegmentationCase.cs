namespace DiscScope.Evaluation;

/// <summary>Which of the two masks compared by a segmentation metric hold any foreground voxel.</summary>
public enum SegmentationCase
{
    /// <summary>Both prediction and reference hold foreground: every metric is defined.</summary>
    BothPresent,

    /// <summary>The prediction is empty and the reference is not (a missed structure): Dice is 0, surface distances are undefined.</summary>
    PredictionEmpty,

    /// <summary>The reference is empty and the prediction is not (a false detection): Dice is 0, surface distances are undefined.</summary>
    ReferenceEmpty,

    /// <summary>Both masks are empty (a correct rejection): Dice (0/0) and surface distances are undefined.</summary>
    BothEmpty,
}
