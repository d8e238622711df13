namespace DiscScope.Evaluation;

/// <summary>
/// Dice of several cases taken as one volume: 2 Σ|P ∩ R| / (Σ|P| + Σ|R|). For the slices of one patient this is the Dice of their
/// stack, closer to the per-volume Dice that 3D benchmarks report than the mean of per-slice Dice values, in which a small structure
/// on an off-midline slice weighs as much as the midline one.
/// </summary>
public static class PooledDice
{
    /// <summary>The pooled Dice of <paramref name="overlaps"/>; null when no case holds the structure in either mask (0/0).</summary>
    public static double? Of(IEnumerable<OverlapResult> overlaps)
    {
        ArgumentNullException.ThrowIfNull(overlaps);
        long p = 0, r = 0, both = 0;
        foreach (var o in overlaps)
        {
            p += o.PredictionVoxels;
            r += o.ReferenceVoxels;
            both += o.IntersectionVoxels;
        }
        return p + r == 0 ? null : 2.0 * both / (p + r);
    }
}
