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
}
