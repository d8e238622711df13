using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Quantities;

namespace DiscScope.Domain.Measurements;

/// <summary>
/// Disc morphometry on the mid-sagittal slice (methods in <see cref="MeasurementMethods"/>). Nullable members are absent when the
/// structures they need (adjacent vertebrae, canal, image) are missing.
/// </summary>
public sealed record DiscMeasurement(
    DiscLevel Level,
    VertebralHeights Heights,
    double? HeightIndex,
    Degrees WedgeAngle,
    Millimetres? PosteriorDisplacement,
    double? SignalIntensityRatio,
    Millimetres? CanalApDiameter,
    Listhesis? Listhesis);
