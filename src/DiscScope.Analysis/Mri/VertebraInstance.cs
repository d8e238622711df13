using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>One vertebra found on the mid-sagittal slice. <see cref="Level"/> is S1 for the sacrum (label <see cref="SpineLabel.Sacrum"/>); body area in mm², centroid in mm.</summary>
public sealed record VertebraInstance(VertebraLevel Level, short Label, double CentroidXMm, double CentroidYMm, double AreaMm2);
