namespace DiscScope.Training.SpineGate;

/// <summary>
/// One image for the spine image gate: row-major pixels (raw intensities), size, pixel spacing in mm where the source states it (null:
/// unknown, as for a radiograph or photo given as a bare image, where a user may claim any spacing), whether it is a sagittal spine MR,
/// the source it came from (for per-source figures) and the group that must never be split across folds (a patient, a volume).
/// <see cref="Trainable"/> is false for sources whose licence keeps them out of a shipped model's training (models/README.md: no weights
/// from data that may not be redistributed, e.g. AASCE and FMRP, research use only): those are only scored, as external test data.
/// </summary>
public sealed record GateImage(string Source, string Group, string Name, float[] Pixels, int Width, int Height, double? ColumnSpacing, double? RowSpacing,
    bool IsSpineMr, bool Trainable = true)
{
    /// <summary>True when the source states the pixel spacing.</summary>
    public bool SpacingKnown => ColumnSpacing is > 0 && RowSpacing is > 0;
}
