using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Json;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
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

    /// <summary>A hostile or corrupt report.json (an impossible grade, a number no format can carry, a heatmap path out of the report's
    /// folder) is refused with the field named before any output is written: no partial set of reports is left behind.</summary>
    [Theory]
    [InlineData("grade", "L4-L5: Pfirrmann grade 9 is not 1..5")]
    [InlineData("number", "$.levels[0].measurements.height_index: 1e308 is not a plausible value")]
    [InlineData("heatmap", "'../../secret.png' is not a path inside the report folder")]
    public void ABadReportIsRefusedBeforeAnyOutputIsWritten(string what, string message)
    {
        using var t = new TempDir();
        var measured = new Domain.Measurements.DiscMeasurement(new DiscLevel(VertebraLevel.L4, VertebraLevel.L5),
            new Domain.Measurements.VertebralHeights(new(9), new(8), new(7)), 0.3, new(5), null, 2.1, new(12), null);
        var level = new LevelReport(new DiscLevel(VertebraLevel.L4, VertebraLevel.L5),
            new DiscGrades { Pfirrmann = new OrdinalGrade(3, [0.05, 0.15, 0.6, 0.15, 0.05], false) }, measured, new Dictionary<Grading, string>());
        if (what == "heatmap") level = level with { Heatmaps = new Dictionary<Grading, string> { [Grading.Pfirrmann] = "../../secret.png" } };
        var report = new StudyReport { Source = new StudySource("x.png", "MR", "t2"), SoftwareVersion = "0.1.0-test", Levels = [level] };
        var json = t.File("report.json");
        using (var fs = File.Create(json)) ReportJsonWriter.Write(report, fs);
        // The writer refuses such reports itself, so the valid file is broken by hand.
        var (from, to) = what switch { "grade" => ("\"grade\": 3", "\"grade\": 9"), "number" => ("\"height_index\": 0.3", "\"height_index\": 1e308"), _ => ("", "") };
        if (from.Length > 0)
        {
            var text = File.ReadAllText(json);
            Assert.Contains(from, text);
            File.WriteAllText(json, text.Replace(from, to, StringComparison.Ordinal));
        }

        var (exit, _, err) = CliRun.Run("report", json, "--out", t.File("out"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(t.File("out")) && Directory.EnumerateFileSystemEntries(t.File("out")).Any(), "nothing may be written");
    }

    [Fact]
    public void ABrokenReportIsBadInput()
    {
        using var t = new TempDir();
        File.WriteAllText(t.File("report.json"), """{"schema":"something/2"}""");
        Assert.Equal(CliApp.BadInput, CliApp.Run(["report", t.File("report.json")]));
    }

    [Fact]
    public void ABrokenReportIsNamedByTheFileTheUserGave()
    {
        using var t = new TempDir();
        var path = t.File("study-17.json");
        File.WriteAllText(path, """{"schema":"discscope.report/1"}""");
        var (exit, _, err) = CliRun.Run("report", path, "--out", t.File("out"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains($"{path}: $.", err);
        Assert.DoesNotContain("report.json:", err);
    }
}
