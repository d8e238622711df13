using DiscScope.Domain.Reports;
using DiscScope.Reporting.Pdf;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Pdf;

/// <summary>Peer: poppler-utils (pdfinfo, pdftotext, pdfimages) read the PDF PDFsharp wrote.</summary>
public class PdfReportRendererTests
{
    [Fact]
    public void PopplerReadsTheSameContentAsTheHtml()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        var pdf = t.File("report.pdf");
        using (var fs = File.Create(pdf)) new PdfReportRenderer().Render(ctx, fs);

        File.Copy(pdf, "/tmp/discscope-report.pdf", overwrite: true); // kept for humans to look at
        var info = PeerTool.RunOk("pdfinfo", pdf);
        Assert.Contains("DiscScope spine MRI report", info);
        var text = PeerTool.RunOk("pdftotext", "-layout", pdf, "-");
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Decision support, not a diagnosis", flat);
        foreach (var l in ctx.Report.Levels) Assert.Contains(l.Level.ToString(), text);
        Assert.Contains("Pfirrmann", text);
        Assert.Contains("4 (p 0.72)", text);      // L4-L5's hand-made Pfirrmann grade and probability
        Assert.Contains("REVIEW", text);
        Assert.Contains("disc-grader-resnet18", text);
        Assert.Contains("Indicative range", text);
        // pdfimages -list: 2 header lines, then one line per embedded image (PNG alpha may add an smask line each).
        var images = PeerTool.RunOk("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Count(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", ..]);
        Assert.Equal(1 + ctx.Report.Levels.Sum(l => l.Heatmaps.Count), images);
    }

    [Fact]
    public void CannotAssessReportRenders()
    {
        using var t = new TempDir();
        var r = new StudyReport { Source = new StudySource("x", "MR", null), SoftwareVersion = "0.1.0", CannotAssess = "no spine found" };
        var pdf = t.File("r.pdf");
        using (var fs = File.Create(pdf)) new PdfReportRenderer().Render(new ReportContext(r), fs);
        Assert.Contains("no spine found", PeerTool.RunOk("pdftotext", pdf, "-"));
    }

    [Fact]
    public void FontResolverServesDejaVu()
    {
        var r = new DejaVuFontResolver();
        var info = r.ResolveTypeface("Arial", bold: true, italic: false)!;
        var bytes = r.GetFont(info.FaceName)!;
        // TrueType files start with the sfnt version 0x00010000.
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, bytes[..4]);
    }
}
