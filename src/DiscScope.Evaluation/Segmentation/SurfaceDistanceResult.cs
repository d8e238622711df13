namespace DiscScope.Evaluation;

/// <summary>
/// Symmetric surface-distance metrics between a prediction and a reference mask, in millimetres (voxel spacing applied).
/// Surfaces are foreground voxels with a face-neighbour that is background or outside the grid (mask XOR its erosion by the
/// 6-/4-connected cross with border value 0, as medpy and MONAI's get_mask_edges); a distance is from a surface voxel centre
/// to the nearest surface voxel centre of the other mask (exact Euclidean distance transform).
/// All distances are null unless <see cref="Case"/> is <see cref="SegmentationCase.BothPresent"/>: with an empty mask they are undefined.
/// </summary>
/// <param name="Case">Which masks hold foreground.</param>
/// <param name="PredictionSurfaceVoxels">Number of surface voxels of the prediction (0 when it is empty).</param>
/// <param name="ReferenceSurfaceVoxels">Number of surface voxels of the reference (0 when it is empty).</param>
/// <param name="Hausdorff95Mm">
/// HD95 as medpy.metric.binary.hd95: the 95th percentile (numpy linear interpolation) of the union of both directed
/// surface-distance sets, mm.
/// </param>
/// <param name="Hausdorff95MaxDirectedMm">
/// HD95 as MONAI compute_hausdorff_distance(percentile=95, directed=False): the larger of the two directed 95th percentiles, mm.
/// Reported beside the medpy value so results can be compared with papers that used MONAI.
/// </param>
/// <param name="HausdorffMm">The Hausdorff distance (maximum of both directed sets), mm.</param>
/// <param name="AverageSymmetricMm">
/// ASSD as Heimann et al. 2009 and MONAI compute_average_surface_distance(symmetric=True): the mean of the union of both
/// directed sets, mm. medpy's assd (mean of the two directed means) is the average of
/// <see cref="MeanPredictionToReferenceMm"/> and <see cref="MeanReferenceToPredictionMm"/>.
/// </param>
/// <param name="MeanPredictionToReferenceMm">Mean distance from prediction surface voxels to the reference surface, mm.</param>
/// <param name="MeanReferenceToPredictionMm">Mean distance from reference surface voxels to the prediction surface, mm.</param>
public sealed record SurfaceDistanceResult(
    SegmentationCase Case,
    long PredictionSurfaceVoxels,
    long ReferenceSurfaceVoxels,
    double? Hausdorff95Mm,
    double? Hausdorff95MaxDirectedMm,
    double? HausdorffMm,
    double? AverageSymmetricMm,
    double? MeanPredictionToReferenceMm,
    double? MeanReferenceToPredictionMm)
{
    /// <summary>True when every distance is defined (both masks hold foreground).</summary>
    public bool IsDefined => Case == SegmentationCase.BothPresent;

    internal static SurfaceDistanceResult Undefined(SegmentationCase c, long predictionSurface, long referenceSurface) =>
        new(c, predictionSurface, referenceSurface, null, null, null, null, null, null);
}
