namespace DiscScope.Analysis.Mri;

/// <summary>Why no sagittal spine was found (wrong orientation, constant image, no column of discs ...). Levels are never invented.</summary>
public sealed record NoSagittalSpine(NoSpineReason Kind, string Reason) : SpineParseResult
{
    public override bool Found => false;

    /// <summary>"no sagittal spine found: &lt;reason&gt;".</summary>
    public string Message => $"no sagittal spine found: {Reason}";

    public override string ToString() => Message;
}

/// <summary>The family of reason a spine was rejected.</summary>
public enum NoSpineReason
{
    /// <summary>The series' direction cosines say it is axial or coronal.</summary>
    NotSagittal,
    /// <summary>The image is empty, constant or nearly so.</summary>
    EmptyImage,
    /// <summary>The segmentation found too few discs, or discs not arranged in a column.</summary>
    NoSpineStructures,
    /// <summary>The image is far larger, in pixels or in millimetres at its spacing, than any MR: refused before segmentation.</summary>
    ImageTooLarge,
    /// <summary>The series is not MR (its DICOM Modality says CT, CR, ...): the models segment and grade MR only.</summary>
    NotMr,
    /// <summary>The image gate (<see cref="SpineImageGate"/>) finds the image unlike a sagittal spine MR (a radiograph, CT, photo ...).</summary>
    NotSpineImage,
}
