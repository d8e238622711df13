using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;

namespace DiscScope.Domain.Reports;

/// <summary>Everything reported for one disc level: gradings, measurements, heatmap images (grading -> file path relative to the report).</summary>
public sealed record LevelReport(DiscLevel Level, DiscGrades Grades, DiscMeasurement? Measurements, IReadOnlyDictionary<Grading, string> Heatmaps)
{
    /// <summary>Level confidence below which the level name, and every grade of the level, is flagged for review: any level rule that
    /// lowered the confidence (a warning, an untypical L5-S1 tilt) raises the flag. On the 347 SPIDER mid-sagittal series with a parsed
    /// spine, the disc count was right in 12 of the 21 series below 1 and in 289 of the 326 at 1 (`evaluate levels`, session 13).</summary>
    public const double ReviewBelowLevelConfidence = 1.0;

    /// <summary>Confidence (0..1) that the level name is right, from the level-assignment step.</summary>
    public double LevelConfidence { get; init; } = 1;

    /// <summary>True when the level name is uncertain (<see cref="LevelConfidence"/> below <see cref="ReviewBelowLevelConfidence"/>).</summary>
    public bool LevelNameUncertain => LevelConfidence < ReviewBelowLevelConfidence;
}
