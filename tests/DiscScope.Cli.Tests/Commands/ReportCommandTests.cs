using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Json;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

public class ReportCommandTests
{
    /// <summary>A minimal hand-made report (test fixture, not model output) rendered by `discscope report`.</summary>
    [Fact]
    public void RendersHtmlPdfCsvFhirAndSrFromReportJson()
    {
        using var t = new TempDir();
        var report = new StudyReport
        {
            Source = new StudySource("study.zip", "MR", "t2") { StudyInstanceUid = "1.2.826.0.1.3680043.2.1125.1", PatientId = "P1" },
            SoftwareVersion = "0.1.0-test",
            Models = [new ModelInfo("grader", "1.0")],
            Levels = [new LevelReport(new DiscLevel(VertebraLevel.L4, VertebraLevel.L5),
                new DiscGrades { Pfirrmann = new OrdinalGrade(3, [0.05, 0.15, 0.6, 0.15, 0.05], false), Herniation = new BinaryFinding(false, 0.1, false) },
                null, new Dictionary<Grading, string>())],
        };
        var json = t.File("report.json");
        using (var fs = File.Create(json)) ReportJsonWriter.Write(report, fs);
        Assert.Equal(CliApp.Ok, CliApp.Run(["report", json, "--out", t.File("out")]));
        foreach (var f in new[] { "report.html", "report.pdf", "findings.csv", "fhir.json", "sr.dcm" })
            Assert.True(File.Exists(Path.Combine(t.File("out"), f)), f);
        Assert.False(File.Exists(Path.Combine(t.File("out"), "seg.dcm")));
    }

    [Fact]
    public void ABrokenReportIsBadInput()
    {
        using var t = new TempDir();
        File.WriteAllText(t.File("report.json"), """{"schema":"something/2"}""");
        Assert.Equal(CliApp.BadInput, CliApp.Run(["report", t.File("report.json")]));
    }
}
