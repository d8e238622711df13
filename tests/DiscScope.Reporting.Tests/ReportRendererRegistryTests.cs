using DiscScope.Domain.Reports;
using DiscScope.Reporting.Json;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests;

public class ReportRendererRegistryTests
{
    [Fact]
    public void DefaultRegistryWritesAllSevenOutputs()
    {
        using var t = new TempDir();
        var written = ReportRendererRegistry.CreateDefault().RenderAll(PhantomReport.Create(t.Path), t.File("out"));
        Assert.Equal(["report.json", "findings.csv", "report.html", "report.pdf", "fhir.json", "sr.dcm", "seg.dcm"], written.Select(Path.GetFileName));
        Assert.All(written, p => Assert.True(new FileInfo(p).Length > 0, p));
    }

    [Fact]
    public void WithoutImagesOrUidsOnlyTheFormatsThatNeedNeitherAreWritten()
    {
        using var t = new TempDir();
        var r = new StudyReport { Source = new StudySource("x.nii.gz", "MR", "t2"), SoftwareVersion = "0.1.0", CannotAssess = "no spine found" };
        var written = ReportRendererRegistry.CreateDefault().RenderAll(new ReportContext(r), t.Path);
        Assert.Equal(["report.json", "findings.csv", "report.html", "report.pdf", "fhir.json"], written.Select(Path.GetFileName));
    }

    [Fact]
    public void UnknownAndDuplicateFormatsAreErrors()
    {
        var reg = ReportRendererRegistry.CreateDefault();
        Assert.Contains("known: json, csv", Assert.Throws<ReportingException>(() => reg.Get("docx")).Message);
        Assert.Throws<ArgumentException>(() => reg.Register(new JsonReportRenderer()));
        Assert.Equal("sr", reg.Get("SR").Format);
    }

    [Fact]
    public void EmbeddedSchemaIsTheCheckedInFile() => Assert.Equal(File.ReadAllText(ReportSchema.SchemaPath), ReportJsonSchema.Text);

    [Fact]
    public void MissingFontsFailWithThePackageName()
    {
        using var t = new TempDir();
        var e = Assert.Throws<ReportingException>(() => FontLocator.Find(FontLocator.Regular, [t.Path]));
        Assert.Contains("fonts-dejavu-core", e.Message);
    }
}
