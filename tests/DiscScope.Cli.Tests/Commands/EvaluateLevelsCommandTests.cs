using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope evaluate levels` writes into models/segmentation only for the shipped model: a trial model given by --model gets its
/// JSON beside it and touches no model card unless --card names one.</summary>
public class EvaluateLevelsCommandTests
{
    [Fact]
    public void TheShippedModelWritesItsOwnJsonAndCard()
    {
        var s = new EvaluateLevelsCommand.Settings();
        Assert.Equal(Path.Combine("models", "segmentation", "levels.json"), s.OutPath);
        Assert.Equal(Path.Combine("models", "segmentation", "MODEL_CARD.md"), s.CardPath);
    }

    [Fact]
    public void ATrialModelWritesBesideItselfAndLeavesTheCardAlone()
    {
        using var dir = new TempDir();
        var model = dir.File("trial.onnx");
        File.WriteAllBytes(model, [0]);
        var s = new EvaluateLevelsCommand.Settings { Model = model };
        Assert.Equal(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model))!, "levels.json"), s.OutPath);
        Assert.Null(s.CardPath);

        var explicitCard = new EvaluateLevelsCommand.Settings { Model = model, Card = dir.File("card.md"), Out = dir.File("x.json") };
        Assert.Equal(dir.File("card.md"), explicitCard.CardPath);
        Assert.Equal(dir.File("x.json"), explicitCard.OutPath);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("-")]
    public void NoneMeansNoCardNotAFileCalledNone(string card)
    {
        Assert.Null(new EvaluateLevelsCommand.Settings { Card = card }.CardPath);
        Assert.Null(new EvaluateLevelsCommand.Settings { Card = card, Model = "trial.onnx" }.CardPath);
    }
}
