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

    /// <summary>A hostile report.json may carry a 25,000-character patient name with no space in it. Cutting it into hyphenated pieces
    /// once took one text measurement per character per piece (minutes, in effect a hang); the guard is a hang guard, not a speed goal.
    /// Every piece must still fit its column, and together they must spell the whole name.</summary>
    [Fact(Timeout = 120_000)]
    public async Task AHugeUnbrokenNameIsWrappedIntoPiecesThatSpellIt()
    {
        using var t = new TempDir();
        var name = string.Concat(Enumerable.Range(0, 2500).Select(i => $"N{i % 10}ABCDEFGH"));
        var phantom = PhantomReport.Create(t.Path);
        var ctx = phantom with { Report = phantom.Report with { Source = phantom.Report.Source with { PatientName = name } } };
        var pdf = t.File("r.pdf");
        await Task.Run(() => { using var fs = File.Create(pdf); new PdfReportRenderer().Render(ctx, fs); });
        // pdftotext joins most hyphenated line ends itself; the page footers it puts in between and any line break left (with its
        // hyphen) are dropped here. The name must come out whole: no piece drawn below a page's bottom and lost.
        var text = PeerTool.RunOk("pdftotext", "-nopgbrk", pdf, "-");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"DiscScope \S+ — decision support, not a diagnosis — page \d+", "");
        var joined = System.Text.RegularExpressions.Regex.Replace(text, @"-?[ \t]*\n\s*", "");
        Assert.Contains(name, joined);
        Assert.True(int.Parse(PeerTool.RunOk("pdfinfo", pdf).Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 4);
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
