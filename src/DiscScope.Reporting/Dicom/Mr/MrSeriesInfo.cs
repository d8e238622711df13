using DiscScope.Dicom;

namespace DiscScope.Reporting.Dicom.Mr;

/// <summary>Identity of a series written by <see cref="MrSeriesBuilder"/>; UIDs are generated (2.25 UUID-derived) unless given.</summary>
public sealed record MrSeriesInfo
{
    public string PatientName { get; init; } = "PHANTOM^LUMBAR";
    public string PatientId { get; init; } = "DISCSCOPE-DEMO";
    public string StudyDate { get; init; } = "20260101";
    public string StudyDescription { get; init; } = "MR lumbar spine (synthetic)";
    public string SeriesDescription { get; init; } = "T2 TSE sagittal (synthetic)";
    public int SeriesNumber { get; init; } = 1;
    public string StudyInstanceUid { get; init; } = DicomUid.Generate();
    public string SeriesInstanceUid { get; init; } = DicomUid.Generate();
    public string FrameOfReferenceUid { get; init; } = DicomUid.Generate();
}
