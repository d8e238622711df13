using DiscScope.Dicom;

namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>sr.dcm: the TID 1500 Comprehensive SR (<see cref="ComprehensiveSrBuilder"/>), Explicit VR Little Endian.</summary>
public sealed class SrReportRenderer : IReportRenderer
{
    public string Format => "sr";
    public string FileName => "sr.dcm";
    public bool CanRender(ReportContext context) => context.Report.Source.StudyInstanceUid is not null && context.Report.CannotAssess is null;
    public void Render(ReportContext context, Stream output) => DicomWriter.Write(ComprehensiveSrBuilder.Build(context), output);
}
