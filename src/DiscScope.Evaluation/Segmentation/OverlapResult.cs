namespace DiscScope.Evaluation;

/// <summary>
/// Voxel overlap of a prediction with a reference mask and the Dice similarity coefficient
/// Dice = 2|P ∩ R| / (|P| + |R|) (Dice 1945; MONAI compute_dice, include_background=True).
/// </summary>
/// <param name="Case">Which masks hold foreground.</param>
/// <param name="PredictionVoxels">|P|, voxels.</param>
/// <param name="ReferenceVoxels">|R|, voxels.</param>
/// <param name="IntersectionVoxels">|P ∩ R|, voxels.</param>
public sealed record OverlapResult(SegmentationCase Case, long PredictionVoxels, long ReferenceVoxels, long IntersectionVoxels)
{
    /// <summary>
    /// Dice in [0, 1]; 0 when exactly one mask is empty; null when both are empty (0/0: the caller decides whether a correct
    /// rejection counts as 1, as MONAI's ignore_empty=False does, or is left out, as ignore_empty=True does).
    /// </summary>
    public double? Dice => Case == SegmentationCase.BothEmpty ? null : 2.0 * IntersectionVoxels / (PredictionVoxels + ReferenceVoxels);

    /// <summary>Jaccard index |P ∩ R| / |P ∪ R|; null when both are empty.</summary>
    public double? Jaccard => Case == SegmentationCase.BothEmpty ? null : (double)IntersectionVoxels / (PredictionVoxels + ReferenceVoxels - IntersectionVoxels);
}
