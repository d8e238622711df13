using DiscScope.Models.Cards;
using DiscScope.Models.Onnx;
using DiscScope.TestSupport;

namespace DiscScope.Models.Tests;

public sealed class ModelCardTests
{
    private static ModelCard Complete() => new()
    {
        Name = "spine-seg", Version = "1.0.0", File = "spine-seg.onnx", Task = "segmentation", IntendedUse = "research",
        TrainingData = [new DataSource("SPIDER", "CC BY 4.0", "attribution", 200)],
        Splits = new DataSplits("by patient, seed 1", 160, 20, 20),
        Metrics = [new MetricEstimate("dice_disc", 0.9, 0.88, 0.92, "95% bootstrap", "test", 20)],
        Licence = "CC BY 4.0",
    };

    [Fact]
    public void CompleteCardRoundTripsAndValidates()
    {
        using var dir = new TempDir();
        var card = Complete();
        card.Save(dir.File("c.json"));
        var back = ModelCard.Load(dir.File("c.json"));
        Assert.Empty(back.Validate());
        Assert.Equal(0.88, back.Metrics[0].CiLow);
        Assert.Contains("\"ci_low\"", File.ReadAllText(dir.File("c.json")));
    }

    [Fact]
    public void MissingIntervalAndDataAreReported()
    {
        var card = Complete() with { TrainingData = [], Metrics = [new MetricEstimate("dice", 0.9, null, null, "", "test", 5)] };
        var problems = card.Validate();
        Assert.Contains(problems, p => p.Contains("training_data"));
        Assert.Contains(problems, p => p.Contains("confidence interval"));
    }

    /// <summary>Every shipped model has a complete card whose name and version match the ONNX metadata.</summary>
    [Fact]
    public void EveryShippedModelHasACompleteCard()
    {
        var dir = Path.Combine(SharedData.RepoRoot, "models");
        Assert.True(File.Exists(Path.Combine(dir, "README.md")), "models/README.md is missing");
        foreach (var onnx in Directory.GetFiles(dir, "*.onnx"))
        {
            var cardPath = Path.ChangeExtension(onnx, ".card.json");
            Assert.True(File.Exists(cardPath), $"{onnx} has no {Path.GetFileName(cardPath)}");
            var card = ModelCard.Load(cardPath);
            Assert.Empty(card.Validate());
            Assert.True(new FileInfo(onnx).Length < 20 << 20, $"{onnx} exceeds 20 MB");
            using var model = OnnxModel.Load(onnx, new InferenceOptions(Threads: 1, PreferCuda: false));
            Assert.Equal(card.Name, model.Metadata.Name);
            Assert.Equal(card.Version, model.Metadata.Version);
        }
    }
}
