using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;

namespace DiscScope.Domain.Reports;

/// <summary>Everything reported for one disc level: gradings, measurements, heatmap images (grading -> file path relative to the report).</summary>
public sealed record LevelReport(DiscLevel Level, DiscGrades Grades, DiscMeasurement? Measurements, IReadOnlyDictionary<Grading, string> Heatmaps)
{
    /// <summary>Confidence (0..1) that the level name is right, from the level-assignment step.</summary>
    public double LevelConfidence { get; init; } = 1;
}
