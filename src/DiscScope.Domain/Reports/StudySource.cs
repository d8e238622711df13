namespace DiscScope.Domain.Reports;

/// <summary>What was analysed: input path, modality ("MR"), sequence ("t2", "t1", "t2_space"), DICOM identifiers when known, pixel spacing in mm.</summary>
public sealed record StudySource(string Input, string Modality, string? Sequence)
{
    public string? StudyInstanceUid { get; init; }
    public string? SeriesInstanceUid { get; init; }
    public string? FrameOfReferenceUid { get; init; }
    public IReadOnlyList<string> SopInstanceUids { get; init; } = [];
    public string? PatientId { get; init; }
    public string? PatientName { get; init; }
    public string? StudyDate { get; init; }
    public double RowSpacingMm { get; init; }
    public double ColumnSpacingMm { get; init; }
}
