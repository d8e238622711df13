using DiscScope.Domain.Reports;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// The gradings of one disc with their evidence: the T2 crop the network saw (<see cref="Width"/> x <see cref="Height"/>, 0..1) and one
/// class activation map per grading on the same grid (0..1; for binary findings the evidence for "present", else for the predicted class).
/// </summary>
public sealed record DiscGradingResult(int IvdLabel, DiscGrades Grades, float[] Crop, int Width, int Height, IReadOnlyDictionary<Grading, float[]> Heatmaps);
