using DiscScope.Reporting.Codes;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests;

public class CodeDocumentationTests
{
    /// <summary>docs/codes.md documents every private code (by value or by its documented range, e.g. PFIRRMANN_1 .. PFIRRMANN_5).</summary>
    [Fact]
    public void EveryPrivateCodeIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ReportSchema.SchemaPath))!, "codes.md"));
        foreach (var c in DiscScopeCodes.All)
        {
            var stem = c.Value.TrimEnd('0', '1', '2', '3', '4', '5');
            Assert.True(doc.Contains(c.Value, StringComparison.Ordinal) || doc.Contains(stem + "1 ..", StringComparison.Ordinal), $"{c} missing from docs/codes.md");
        }
        Assert.Contains(DiscScopeCodes.FhirSystem, doc);
    }

    /// <summary>AnatomyCodes.Generated.cs is what tools/codes/generate.py makes of tools/codes/spine-codes.csv.</summary>
    [Fact]
    public void GeneratedAnatomyCodesAreUpToDate()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(ReportSchema.SchemaPath)))!;
        Assert.Contains("up to date", PeerTool.RunOk(PeerTool.Python, Path.Combine(root, "tools", "codes", "generate.py"), "--check"));
    }

    /// <summary>Spot checks against DICOM PS3.16 CID 7604 / 7603 as published (typed in here, not read from the CSV).</summary>
    [Theory]
    [InlineData("L4-L5", "84020006")]
    [InlineData("L5-S1", "715056000")]
    [InlineData("T12-L1", "76206002")]
    public void DiscCodes(string level, string sct) => Assert.Equal(sct, AnatomyCodes.Disc(DiscScope.Domain.Anatomy.DiscLevel.Parse(level)).Value);

    [Fact]
    public void VertebraCodes()
    {
        Assert.Equal("11994002", AnatomyCodes.Vertebra(DiscScope.Domain.Anatomy.VertebraLevel.L4).Value);
        Assert.Equal("54735007", AnatomyCodes.Vertebra(DiscScope.Domain.Anatomy.VertebraLevel.S1).Value);
        Assert.Throws<ReportingException>(() => AnatomyCodes.Disc(DiscScope.Domain.Anatomy.DiscLevel.Parse("C4-C5")));
    }
}
