using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope evaluate segmentation --members K`: an ensemble size outside 1-10 is a bad input, refused before any data is read
/// or any training starts, with nothing written.</summary>
[Collection(ConsoleCollection.Name)]
public class EvaluateSegmentationCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void AnEnsembleSizeOutOfRangeIsRefused(string members)
    {
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("evaluate", "segmentation", "--members", members, "--data", tmp.File("no-such-data"),
            "--out", tmp.File("cv.json"), "--card", tmp.File("card.md"));
        Assert.Equal(1, exit);
        Assert.Contains($"--members {members}: expected 1-10", err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }
}
