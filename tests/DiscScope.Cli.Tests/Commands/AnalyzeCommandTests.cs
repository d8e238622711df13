using System.Text.Json;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope analyze --orientation`: volumes whose header misstates their orientation (the FMRP MetaImages say axial, identity
/// direction) are "cannot assess" as they are, and parsed when the axes are named.</summary>
[Collection(ConsoleCollection.Name)]
public class AnalyzeCommandTests
{
    [DataFact]
    public void AMisstatedOrientationIsNotAssessedUntilTheAxesAreNamed()
    {
        var mha = SharedData.Path("mri3d", "fmrp_ivd", "case11_image.mha");
        using var tmp = new TempDir();
        var (exit, _, _) = CliRun.Run("analyze", mha, "--out", tmp.File("as-is"), "--formats", "json");
        Assert.Equal(1, exit);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("as-is", "report.json")))))
        {
            Assert.Contains("axial", r.RootElement.GetProperty("cannot_assess").GetString());
            Assert.Equal(0, r.RootElement.GetProperty("levels").GetArrayLength());
        }

        (exit, _, var err) = CliRun.Run("analyze", mha, "--orientation", "PIL", "--out", tmp.File("pil"), "--formats", "json");
        Assert.True(exit == 0, err);
        using var pil = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("pil", "report.json"))));
        Assert.Equal(JsonValueKind.Null, pil.RootElement.GetProperty("cannot_assess").ValueKind);
        var levels = pil.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()).ToList();
        // The case's reference mask labels L5-S1 up to L1-L2 (its MANIFEST: 1 = L5/S1 .. 5 = L1/L2).
        Assert.Superset(new HashSet<string?> { "L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2" }, levels.ToHashSet());
    }

    [DataFact]
    public void AMalformedOrientationCodeIsABadInputWithItsReason()
    {
        var mha = SharedData.Path("mri3d", "fmrp_ivd", "case11_image.mha");
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("analyze", mha, "--orientation", "PI", "--out", tmp.Path);
        Assert.Equal(1, exit);
        Assert.Contains("--orientation needs 3 letters", err);
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void OrientationIsRefusedForDicomWhichCarriesItsOwn()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("series"));
        var (exit, _, err) = CliRun.Run("analyze", tmp.File("series"), "--orientation", "PIL", "--out", tmp.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains("DICOM carries its own", err);
    }
}
