namespace DiscScope.Reporting.Json;

/// <summary>report.json: the "discscope.report/1" document (<see cref="ReportJsonWriter"/>).</summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    public string Format => "json";
    public string FileName => "report.json";
    public bool CanRender(ReportContext context) => true;
    public void Render(ReportContext context, Stream output) => ReportJsonWriter.Write(context.Report, output);
}
