namespace DiscScope.Analysis.Mri;

/// <summary>
/// Tells the S1-S2 disc remnant from the L5-S1 disc. Below L5-S1 many adults keep a thin remnant of the S1-S2 disc inside the sacrum, and
/// the network outlines it as a small disc; counted as L5-S1 it would shift every level name by one. The network was taught on masks that
/// leave the sacrum unlabelled, so the S1 segment above such a remnant is at most partly labelled vertebra, whereas above a true L5-S1 disc
/// lies the L5 body, of lumbar size. The lowest disc of a chain is taken as the remnant only when both hold: its area is below
/// <see cref="LevelAssignmentOptions.SacralRemnantDiscFraction"/> of the median of the other discs, and the vertebral-body area between
/// it and the disc above is below <see cref="LevelAssignmentOptions.SacralRemnantBodyFraction"/> of the median body area between the
/// other neighbouring discs. A rudimentary L5-S1 disc of a transitional L5 keeps its lumbar-sized body above and is not touched.
/// </summary>
public static class SacralRemnant
{
    /// <summary>True when the lowest disc of <paramref name="chainBottomUp"/> is the S1-S2 remnant (see the type's summary).</summary>
    /// <param name="chainBottomUp">The disc column, lowest first.</param>
    /// <param name="bodies">Vertebral-body regions (vertebra class, anterior to the canal).</param>
    /// <param name="options">Level assignment thresholds.</param>
    public static bool IsRemnant(IReadOnlyList<Component2D> chainBottomUp, IReadOnlyList<Component2D> bodies, LevelAssignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(chainBottomUp); ArgumentNullException.ThrowIfNull(bodies); ArgumentNullException.ThrowIfNull(options);
        // Dropping the lowest disc must leave a column: at least MinDiscs discs and two body intervals to compare with.
        if (chainBottomUp.Count <= Math.Max(options.MinDiscs, 3)) return false;
        var otherDiscs = SpineLevelAssigner.Median([.. chainBottomUp.Skip(1).Select(c => c.AreaMm2)]);
        if (!(chainBottomUp[0].AreaMm2 < options.SacralRemnantDiscFraction * otherDiscs)) return false;
        var intervals = Enumerable.Range(0, chainBottomUp.Count - 1).Select(k => BodyAreaBetween(chainBottomUp[k], chainBottomUp[k + 1], bodies)).ToArray();
        var typical = SpineLevelAssigner.Median(intervals[1..]);
        return typical > 0 && intervals[0] < options.SacralRemnantBodyFraction * typical;
    }

    /// <summary>Total area of the bodies whose centroid lies between the centroids of two neighbouring discs (heightwise) and within 40 mm
    /// of their mean x.</summary>
    private static double BodyAreaBetween(Component2D lower, Component2D upper, IReadOnlyList<Component2D> bodies)
    {
        var x = 0.5 * (lower.CentroidXMm + upper.CentroidXMm);
        return bodies.Where(b => b.CentroidYMm < lower.CentroidYMm && b.CentroidYMm > upper.CentroidYMm && Math.Abs(b.CentroidXMm - x) < 40)
            .Sum(b => b.AreaMm2);
    }
}
