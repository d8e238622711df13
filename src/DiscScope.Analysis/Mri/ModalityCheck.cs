namespace DiscScope.Analysis.Mri;

/// <summary>
/// Is the input MR? DiscScope's segmentation and gradings are trained on sagittal MR only; a CT or radiograph of the spine would be
/// parsed and graded as if it were one, an invented finding. Formats without a modality (NIfTI, MetaImage, PNG) are taken as MR. Pure.
/// </summary>
public static class ModalityCheck
{
    /// <summary>Null when <paramref name="modality"/> (DICOM Modality, e.g. "MR") is MR or not recorded; otherwise the reason.</summary>
    public static NoSagittalSpine? Of(string? modality)
    {
        var m = modality?.Trim();
        if (string.IsNullOrEmpty(m) || m.Equals("MR", StringComparison.OrdinalIgnoreCase)) return null;
        return new NoSagittalSpine(NoSpineReason.NotMr, $"the series' modality is {m}, not MR: DiscScope segments and grades sagittal lumbar MR only");
    }
}
