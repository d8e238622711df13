namespace DiscScope.Reporting;

/// <summary>
/// The renderers a host uses, registered explicitly (no discovery, no static locator). <see cref="CreateDefault"/> lists
/// every built-in format; <see cref="RenderAll"/> writes each renderable format into a folder.
/// </summary>
public sealed class ReportRendererRegistry
{
    private readonly List<IReportRenderer> _renderers = [];

    public IReadOnlyList<IReportRenderer> Renderers => _renderers;

    /// <summary>Adds a renderer; a second renderer for the same format is an error.</summary>
    public ReportRendererRegistry Register(IReportRenderer renderer)
    {
        if (_renderers.Any(r => string.Equals(r.Format, renderer.Format, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"a renderer for '{renderer.Format}' is already registered", nameof(renderer));
        _renderers.Add(renderer);
        return this;
    }

    /// <summary>The renderer of a format (case-insensitive); throws <see cref="ReportingException"/> for an unknown format.</summary>
    public IReportRenderer Get(string format) =>
        _renderers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ReportingException(format, $"unknown report format; known: {string.Join(", ", _renderers.Select(r => r.Format))}");

    /// <summary>All built-in renderers: JSON, CSV, HTML, PDF, FHIR, DICOM SR and SEG.</summary>
    public static ReportRendererRegistry CreateDefault() => new ReportRendererRegistry()
        .Register(new Json.JsonReportRenderer())
        .Register(new Csv.CsvReportRenderer())
        .Register(new Html.HtmlReportRenderer())
        .Register(new Pdf.PdfReportRenderer())
        .Register(new Fhir.FhirReportRenderer())
        .Register(new Dicom.Sr.SrReportRenderer())
        .Register(new Dicom.Seg.SegReportRenderer());

    /// <summary>Writes every renderer that can render this context into <paramref name="folder"/>; returns the paths written.</summary>
    public IReadOnlyList<string> RenderAll(ReportContext context, string folder)
    {
        ReportChecks.Validate(context.Report, "report");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var r in _renderers)
        {
            if (!r.CanRender(context)) continue;
            var path = Path.Combine(folder, r.FileName);
            ReportFile.Write(path, fs => r.Render(context, fs));
            written.Add(path);
        }
        return written;
    }
}
