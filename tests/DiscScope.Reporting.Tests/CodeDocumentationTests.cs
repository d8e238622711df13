using DiscScope.Reporting.Codes;
using DiscScope.Reporting.Tests.Fixtures;

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
}
