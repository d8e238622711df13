using System.Text.Json;
using System.Text.Json.Nodes;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Json;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Json;

public class ReportJsonTests
{
    [Fact]
    public void PhantomReportValidatesAgainstTheCheckedInSchema()
    {
        using var t = new TempDir();
        var json = ReportJsonWriter.ToJson(PhantomReport.Create(t.Path).Report);
        Assert.Empty(ReportSchema.Errors(json));
    }

    [Fact]
    public void SchemaRejectsAnOutOfRangeGrade()
    {
        using var t = new TempDir();
        var node = JsonNode.Parse(ReportJsonWriter.ToJson(PhantomReport.Create(t.Path).Report))!;
        node["levels"]![0]!["pfirrmann"]!["grade"] = 7;
        Assert.NotEmpty(ReportSchema.Errors(node.ToJsonString()));
        node["levels"]![0]!["pfirrmann"]!["grade"] = 2;
        node["levels"]![0]!["level"] = "L4/L5";
        Assert.NotEmpty(ReportSchema.Errors(node.ToJsonString()));
    }

    [Fact]
    public void CannotAssessReportValidates()
    {
        var r = new StudyReport { Source = new StudySource("x.nii.gz", "MR", null), SoftwareVersion = "0.1.0", CannotAssess = "no lumbar spine in the field of view" };
        Assert.Empty(ReportSchema.Errors(ReportJsonWriter.ToJson(r)));
    }

    [Fact]
    public void RoundTripPreservesEveryField()
    {
        using var t = new TempDir();
        var r = PhantomReport.Create(t.Path).Report;
        var json = ReportJsonWriter.ToJson(r);
        var back = ReportJsonReader.Parse(json);
        // Writing the read-back model again must give the identical document: every field survived the trip.
        Assert.Equal(json, ReportJsonWriter.ToJson(back));
        Assert.Equal(r.Levels.Count, back.Levels.Count);
        for (var i = 0; i < r.Levels.Count; i++)
        {
            var a = r.Levels[i]; var b = back.Levels[i];
            Assert.Equal(a.Level, b.Level);
            Assert.Equal(a.Grades.Pfirrmann!.Value, b.Grades.Pfirrmann!.Value);
            Assert.Equal(a.Grades.Pfirrmann.Probabilities, b.Grades.Pfirrmann.Probabilities);
            Assert.Equal(a.Grades.Herniation, b.Grades.Herniation);
            Assert.Equal(a.Grades.EndplateLower, b.Grades.EndplateLower);
            Assert.Equal(a.Measurements!.Heights, b.Measurements!.Heights);
            Assert.Equal(a.Measurements.Listhesis, b.Measurements.Listhesis);
            Assert.Equal(a.Heatmaps.OrderBy(k => k.Key), b.Heatmaps.OrderBy(k => k.Key));
        }
        Assert.Equal(r.Source.SopInstanceUids, back.Source.SopInstanceUids);
        Assert.Equal(r.Created, back.Created);
        Assert.Equal(r.Vertebrae.Select(v => v.Heights), back.Vertebrae.Select(v => v.Heights));
    }

    [Fact]
    public void ShapeMatchesTheGradingIssue()
    {
        using var t = new TempDir();
        using var doc = JsonDocument.Parse(ReportJsonWriter.ToJson(PhantomReport.Create(t.Path).Report));
        var root = doc.RootElement;
        Assert.Equal("discscope.report/1", root.GetProperty("schema").GetString());
        var l45 = root.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "L4-L5");
        Assert.Equal(4, l45.GetProperty("pfirrmann").GetProperty("grade").GetInt32());
        Assert.Equal(4, l45.GetProperty("modic").GetProperty("probabilities").GetArrayLength());
        Assert.False(l45.GetProperty("herniation").GetProperty("present").GetBoolean());
        Assert.Equal("T12-L1", root.GetProperty("levels")[0].GetProperty("level").GetString());
        Assert.Equal("L1", root.GetProperty("vertebrae").EnumerateArray().First(v => v.GetProperty("level").GetString() == "L1").GetProperty("level").GetString());
    }

    [Fact]
    public void ReaderNamesThePathOfABadValue()
    {
        using var t = new TempDir();
        var node = JsonNode.Parse(ReportJsonWriter.ToJson(PhantomReport.Create(t.Path).Report))!;
        node["levels"]![2]!["herniation"]!["probability"] = "high";
        var e = Assert.Throws<ReportingException>(() => ReportJsonReader.Parse(node.ToJsonString()));
        Assert.Contains("$.levels[2].herniation.probability", e.Message);
    }

    [Theory]
    [InlineData("levels", 0, "pfirrmann", "probabilities", "$.levels[0].pfirrmann.probabilities[0]")]
    [InlineData("source", -1, null, "sop_instance_uids", "$.source.sop_instance_uids[0]")]
    public void WrongTypesInArraysAreNamedByPath(string top, int index, string? grading, string field, string expected)
    {
        using var t = new TempDir();
        var node = JsonNode.Parse(ReportJsonWriter.ToJson(PhantomReport.Create(t.Path).Report))!;
        var target = index >= 0 ? node[top]![index]![grading!]! : node[top]!;
        target[field] = new JsonArray(JsonValue.Create(true));
        var e = Assert.Throws<ReportingException>(() => ReportJsonReader.Parse(node.ToJsonString()));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void InconsistentGradesFailLoudlyInsteadOfWritingAnInvalidReport()
    {
        using var t = new TempDir();
        var r = PhantomReport.Create(t.Path).Report;
        var l = r.Levels[3];
        var bad = r with { Levels = [l with { Grades = l.Grades with { Pfirrmann = new OrdinalGrade(3, [0.2, 0.3, 0.5], false) } }] };
        Assert.Contains("L3-L4: Pfirrmann has 3 class probabilities", Assert.Throws<ReportingException>(() => ReportJsonWriter.ToJson(bad)).Message);
        var nan = r with { Levels = [l with { Grades = l.Grades with { Herniation = new BinaryFinding(true, double.NaN, false) } }] };
        Assert.Contains("Herniation probability NaN", Assert.Throws<ReportingException>(() => ReportJsonWriter.ToJson(nan)).Message);
    }
}
