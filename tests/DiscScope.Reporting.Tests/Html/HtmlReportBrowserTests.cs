using DiscScope.Reporting.Html;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;
using Microsoft.Playwright;

namespace DiscScope.Reporting.Tests.Html;

/// <summary>
/// Peer: Debian's Chromium, driven headless through Playwright (system executable, no browser download). The page must load
/// with no console errors, no page errors and no blocked requests, and show the tables and every image decoded.
/// </summary>
public class HtmlReportBrowserTests
{
    /// <summary>Where the last screenshot is kept for humans to look at (outside the temp folder, which is deleted).</summary>
    public const string ScreenshotPath = "/tmp/discscope-report-html.png";

    private static string Chromium =>
        new[] { Environment.GetEnvironmentVariable("DISCSCOPE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("Chromium not found: install the Debian package chromium (scripts/test.sh does)");

    [Fact]
    public async Task LoadsInHeadlessChromiumWithoutErrorsAndShowsTablesAndImages()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        var html = t.File("report.html");
        using (var fs = File.Create(html)) new HtmlReportRenderer().Render(ctx, fs);

        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => problems.Add("request failed: " + r.Url[..Math.Min(80, r.Url.Length)]);
        await page.GotoAsync(new Uri(html).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        Assert.Equal(ctx.Report.Levels.Count, await page.Locator("#findings-table tbody tr").CountAsync());
        Assert.True(await page.Locator("#findings-table").IsVisibleAsync());
        Assert.True(await page.Locator("#measurements-table").IsVisibleAsync());
        Assert.Contains("Decision support, not a diagnosis", await page.Locator("#disclaimer").InnerTextAsync());
        Assert.Contains("review", await page.Locator("#findings-table tr[data-level='L3-L4']").InnerTextAsync());
        // Every image must be decoded by the browser (complete with a non-zero natural size).
        var images = await page.EvaluateAsync<int[]>("() => Array.from(document.images).map(i => i.complete ? i.naturalWidth : -1)");
        var expectedImages = 1 + ctx.Report.Levels.Sum(l => l.Heatmaps.Count);
        Assert.Equal(expectedImages, images.Length);
        Assert.All(images, w => Assert.True(w > 0, "an image did not decode"));
        Assert.True(await page.Locator("#overview-image").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });

        // Phone width: the page itself must not scroll sideways (wide tables scroll inside their own box).
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a phone screen");
        await page.ScreenshotAsync(new() { Path = "/tmp/discscope-report-html-phone.png", FullPage = false });

        // Printable: Chromium's print-to-PDF of the page succeeds and produces a PDF.
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf[0] == '%' && pdf[1] == 'P', "print to PDF failed");

        Assert.Empty(problems);
    }

    /// <summary>A report that could not be assessed (no levels, no images) also loads cleanly, on screen and as printed.</summary>
    [Fact]
    public async Task CannotAssessReportLoadsCleanlyOnScreenAndInPrint()
    {
        using var t = new TempDir();
        var r = new DiscScope.Domain.Reports.StudyReport
        {
            Source = new DiscScope.Domain.Reports.StudySource("scan.nii.gz", "MR", "t1"), SoftwareVersion = "0.1.0-test", CannotAssess = "no lumbar spine in the field of view",
        };
        var html = t.File("report.html");
        using (var fs = File.Create(html)) new HtmlReportRenderer().Render(new ReportContext(r), fs);
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Contains("no lumbar spine", await page.Locator("#cannot-assess").InnerTextAsync());
        Assert.True(await page.Locator("#disclaimer").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#findings-table").CountAsync());
        Assert.Empty(problems);
    }
}
