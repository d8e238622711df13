using DiscScope.Dicom;

namespace DiscScope.Reporting.Dicom.Seg;

/// <summary>seg.dcm: the binary DICOM Segmentation of the label map (<see cref="SegmentationBuilder"/>).</summary>
public sealed class SegReportRenderer : IReportRenderer
{
    public string Format => "seg";
    public string FileName => "seg.dcm";

    public bool CanRender(ReportContext context) =>
        context.Images is not null && context.Report.Source is { StudyInstanceUid: not null, SeriesInstanceUid: not null, FrameOfReferenceUid: not null }
        && context.Report.Source.SopInstanceUids.Count == context.Images.Labels.Geometry.SizeK;

    public void Render(ReportContext context, Stream output) => DicomWriter.Write(SegmentationBuilder.Build(context), output);
}
