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
    public double MinSegmentationConfidence { get; init; } = 0.5;
}
