namespace DiscScope.Dicom;

/// <summary>Options for assembling a series into a volume.</summary>
public sealed record DicomVolumeOptions
{
    public static DicomVolumeOptions Default { get; } = new();

    /// <summary>Relative spread of slice gaps above which spacing counts as non-uniform (the slices are then resampled).</summary>
    public double SpacingTolerance { get; init; } = 0.01;

    /// <summary>Angle (degrees) between the slice normal and the line through the slice origins above which a gantry tilt is corrected.</summary>
    public double TiltToleranceDegrees { get; init; } = 0.05;

    /// <summary>Resample non-uniform spacing and gantry tilt onto a regular orthogonal grid (else only warn).</summary>
    public bool Resample { get; init; } = true;
}
