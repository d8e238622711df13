namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// When a grade is flagged "uncertain — review": an ordinal/categorical top probability below <see cref="MinTopProbability"/>, a binary
/// probability within <see cref="BinaryBand"/> of 0.5, or a level-naming confidence below <see cref="MinSegmentationConfidence"/>.
/// </summary>
public sealed record UncertaintyOptions
{
    public static UncertaintyOptions Default { get; } = new();
    public double MinTopProbability { get; init; } = 0.5;
    public double BinaryBand { get; init; } = 0.2;
    public double MinSegmentationConfidence { get; init; } = Domain.Reports.LevelReport.ReviewBelowLevelConfidence;

    /// <summary>Whether a grade decided as class <paramref name="decided"/> from probabilities <paramref name="p"/> is uncertain on its
    /// own (the level-naming confidence aside): a binary probability of the positive class within <see cref="BinaryBand"/> of 0.5, or a
    /// top probability, i.e. that of the decided class, below <see cref="MinTopProbability"/>.</summary>
    public bool Uncertain(IReadOnlyList<double> p, int decided)
    {
        ArgumentNullException.ThrowIfNull(p);
        if ((uint)decided >= (uint)p.Count) throw new ArgumentOutOfRangeException(nameof(decided), $"class {decided} of {p.Count}");
        return p.Count == 2 ? Math.Abs(p[1] - 0.5) < BinaryBand : p[decided] < MinTopProbability;
    }
}
