using System.Text.RegularExpressions;
using DiscScope.Reporting.Html;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Html;

public class HtmlReportRendererTests
{
    [Fact]
    public void IsSelfContained()
    {
        using var t = new TempDir();
        var html = new HtmlReportRenderer().ToHtml(PhantomReport.Create(t.Path));
        // No reference may leave the file: every src/href is a data URI (the CSP in the page forbids the rest anyway).
        foreach (Match m in Regex.Matches(html, "(?:src|href)=\"([^\"]*)\""))
            Assert.StartsWith("data:image/png;base64,", m.Groups[1].Value);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Decision support, not a diagnosis", html);
        Assert.Contains("disc-grader-resnet18", html);
        Assert.Contains("0.9.1", html);
    }

    [Fact]
    public void MissingHeatmapFailsLoudly()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        File.Delete(Path.Combine(t.Path, ctx.Report.Levels[0].Heatmaps.Values.First()));
        var e = Assert.Throws<ReportingException>(() => new HtmlReportRenderer().ToHtml(ctx));
        Assert.Contains("cannot read", e.Message);
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("/etc/hostname")]
    public void ReferencedFilesMustStayInsideTheReportFolder(string path)
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        var e = Assert.Throws<ReportingException>(() => ctx.ReadReferencedFile("report.html", path));
        Assert.Contains("not a path inside the report folder", e.Message);
    }

    [Theory]
    [InlineData("Phantom^Lumbar", "Phantom, Lumbar")]
    [InlineData("Doe^John^Q^^", "Doe, John Q")]
    [InlineData("Anonymous", "Anonymous")]
    public void PersonNamesAreShownReadably(string dicom, string shown) => Assert.Equal(shown, ReportText.PersonName(dicom));

    /// <summary>The summary names what the hand-made fixture grades put there (and nothing for the unremarkable levels).</summary>
    [Fact]
    public void SummaryListsTheRemarkableLevels()
    {
        using var t = new TempDir();
        var lines = ReportText.Summary(PhantomReport.Create(t.Path).Report);
        Assert.Contains(lines, l => l.StartsWith("L4-L5: Pfirrmann 4 (p 0.72); Modic type 1 (p 0.79); bulging", StringComparison.Ordinal) && l.Contains("disc narrowing"));
        Assert.Contains(lines, l => l.StartsWith("L5-S1: Pfirrmann 3 (p 0.72); herniation (p 0.91)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("T12-L1: review: level name", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("L1-L2", StringComparison.Ordinal));
    }
}
