namespace DiscScope.Reporting;

/// <summary>
/// Renders the one report model (<see cref="ReportContext"/>) to one output format. Renderers are stateless; they are
/// registered explicitly in a <see cref="ReportRendererRegistry"/>.
/// </summary>
public interface IReportRenderer
{
    /// <summary>Short format name used to select the renderer, e.g. "json", "html", "sr".</summary>
    string Format { get; }

    /// <summary>The conventional file name of the output, e.g. "report.json".</summary>
    string FileName { get; }

    /// <summary>True when the context holds what this format needs (e.g. SEG needs the label map and source UIDs).</summary>
    bool CanRender(ReportContext context);

    /// <summary>Writes the output; throws <see cref="ReportingException"/> when the report cannot be rendered.</summary>
    void Render(ReportContext context, Stream output);
}
