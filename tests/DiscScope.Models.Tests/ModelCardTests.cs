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

    /// <summary>Every shipped model (models/**/*.onnx) has a card beside it: "&lt;name&gt;.card.json", which must be complete and match the
    /// ONNX metadata's name and version, or a MODEL_CARD.md in the same folder (free text; its content is reviewed, not parsed).</summary>
    [Fact]
    public void EveryShippedModelHasACard()
    {
        var dir = Path.Combine(SharedData.RepoRoot, "models");
        Assert.True(File.Exists(Path.Combine(dir, "README.md")), "models/README.md is missing");
        foreach (var onnx in Directory.GetFiles(dir, "*.onnx", SearchOption.AllDirectories))
        {
            Assert.True(new FileInfo(onnx).Length < 20 << 20, $"{onnx} exceeds 20 MB");
            var json = Path.ChangeExtension(onnx, ".card.json");
            var markdown = Path.Combine(Path.GetDirectoryName(onnx)!, "MODEL_CARD.md");
            if (File.Exists(json))
            {
                var card = ModelCard.Load(json);
                Assert.Empty(card.Validate());
                using var model = OnnxModel.Load(onnx, new InferenceOptions(Threads: 1, PreferCuda: false));
                Assert.Equal(card.Name, model.Metadata.Name);
                Assert.Equal(card.Version, model.Metadata.Version);
            }
            else
            {
                Assert.True(File.Exists(markdown), $"{onnx} has neither {Path.GetFileName(json)} nor MODEL_CARD.md beside it");
                Assert.False(string.IsNullOrWhiteSpace(File.ReadAllText(markdown)), $"{markdown} is empty");
            }
        }
    }
}
