using System.Text.Json.Nodes;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class EvaluateGradingCommandTests
{
    [Theory]
    [InlineData("evaluate", "3")]
    [InlineData("evaluate", "65")]
    [InlineData("train", "0")]
    public void ANetworkWidthOutOfRangeIsRefusedBeforeAnyDataIsRead(string verb, string width)
    {
        using var tmp = new TempDir();
        string[] output = verb == "evaluate" ? ["--json", tmp.File("cv.json")] : ["--out", tmp.File("m.onnx")];
        var (exit, _, err) = CliRun.Run([verb, "grading", "--base-channels", width, "--data", tmp.File("no-such-data"), .. output]);
        Assert.Equal(1, exit);
        Assert.Contains($"--base-channels {width}: expected 4-64", err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Theory]
    [InlineData("evaluate", "--recipe", "deep", "--recipe deep: expected classic or context")]
    [InlineData("train", "--recipe", "", "--recipe : expected classic or context")]
    [InlineData("train", "--epochs", "0", "--epochs 0: expected at least 1")]
    [InlineData("evaluate", "--ordinal-weight", "-0.5", "--ordinal-weight -0.5: expected a finite weight >= 0")]
    [InlineData("train", "--ordinal-weight", "NaN", "--ordinal-weight NaN: expected a finite weight >= 0")]
    [InlineData("evaluate", "--t1-drop", "1.5", "--t1-drop 1.5: expected a probability in 0..1")]
    [InlineData("train", "--t1-drop", "-0.1", "--t1-drop -0.1: expected a probability in 0..1")]
    [InlineData("evaluate", "--t2-drop", "1", "--t2-drop 1: expected a probability in 0..1 (below 1)")]
    [InlineData("train", "--soft-pfirrmann", "-1", "--soft-pfirrmann -1: expected a width of 0 to 3 grades")]
    [InlineData("evaluate", "--soft-pfirrmann", "NaN", "--soft-pfirrmann NaN: expected a width of 0 to 3 grades")]
    [InlineData("train", "--pfirrmann-truncate", "0.6", "--pfirrmann-truncate 0.6: expected a share of 0 to 0.5")]
    [InlineData("evaluate", "--pfirrmann-truncate", "-0.1", "--pfirrmann-truncate -0.1: expected a share of 0 to 0.5")]
    public void AnUnknownRecipeOrNoEpochsIsRefusedBeforeAnyDataIsRead(string verb, string option, string value, string message)
    {
        using var tmp = new TempDir();
        string[] output = verb == "evaluate" ? ["--json", tmp.File("cv.json")] : ["--out", tmp.File("m.onnx")];
        var (exit, _, err) = CliRun.Run([verb, "grading", option, value, "--data", tmp.File("no-such-data"), .. output]);
        Assert.Equal(1, exit);
        Assert.Contains(message, err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("train")]
    public void T2DropoutOrSoftTargetsOutsideTheContextRecipeAreRefused(string verb)
    {
        using var tmp = new TempDir();
        string[] output = verb == "evaluate" ? ["--json", tmp.File("cv.json")] : ["--out", tmp.File("m.onnx")];
        var (exit, _, err) = CliRun.Run([verb, "grading", "--recipe", "classic", "--t2-drop", "0.2", "--data", tmp.File("no-such-data"), .. output]);
        Assert.Equal(1, exit);
        Assert.Contains("--t2-drop: only the context recipe (--recipe context) drops the T2 channel", err);
        (exit, _, err) = CliRun.Run([verb, "grading", "--recipe", "classic", "--soft-pfirrmann", "0.6", "--data", tmp.File("no-such-data"), .. output]);
        Assert.Equal(1, exit);
        Assert.Contains("--soft-pfirrmann: only the context recipe (--recipe context) has soft targets", err);
        (exit, _, err) = CliRun.Run([verb, "grading", "--recipe", "classic", "--pfirrmann-truncate", "0.1", "--data", tmp.File("no-such-data"), .. output]);
        Assert.Equal(1, exit);
        Assert.Contains("--pfirrmann-truncate: only the context recipe (--recipe context) truncates the Pfirrmann targets", err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    /// <summary>One run's evaluation JSON with two discs whose every head gets the same first-class probability p (the rest on class 1).</summary>
    private static JsonNode Run(int seed, double pFirst, double pSecond)
    {
        JsonNode Disc(string patient, int ivd, double p) => new JsonObject
        {
            ["patient"] = patient, ["ivd"] = ivd,
            ["probabilities"] = new JsonObject(GradingTask.All.Select(t => KeyValuePair.Create(t.HeadName,
                (JsonNode?)new JsonArray([.. Enumerable.Range(0, t.Classes).Select(c => (JsonNode?)(c == 0 ? p : c == 1 ? 1 - p : 0.0))])))),
        };
        return new JsonObject { ["seed"] = seed, ["predictions"] = new JsonArray(Disc("p1", 1, pFirst), Disc("p2", 3, pSecond)) };
    }

    [Fact]
    public void ThreeRunsAreAveragedWithEqualWeightsDiscByDisc()
    {
        var a = Run(42, 0.9, 0.3);
        // The other runs list their discs in another order: matching is by patient and IVD label.
        var b = Run(43, 0.6, 0.0); var c = Run(44, 0.3, 0.6);
        b["predictions"] = new JsonArray([.. b["predictions"]!.AsArray().Reverse().Select(n => n!.DeepClone())]);
        EvaluateGradingCommand.Average(a, [b, c], ["b", "c"]);
        var p = a["predictions"]!.AsArray();
        foreach (var t in GradingTask.All)
        {
            Assert.Equal(0.6, p[0]!["probabilities"]![t.HeadName]![0]!.GetValue<double>(), 9);   // (0.9 + 0.6 + 0.3) / 3
            Assert.Equal(0.3, p[1]!["probabilities"]![t.HeadName]![0]!.GetValue<double>(), 9);   // (0.3 + 0.0 + 0.6) / 3
            Assert.Equal(0.7, p[1]!["probabilities"]![t.HeadName]![1]!.GetValue<double>(), 9);
        }
        Assert.Equal([42, 43, 44], a["seeds"]!.AsArray().Select(s => s!.GetValue<int>()));
    }

    [Fact]
    public void ADiscMissingFromARunIsAnError()
    {
        var a = Run(42, 0.9, 0.3); var b = Run(43, 0.6, 0.0);
        b["predictions"]!.AsArray().RemoveAt(1);
        var e = Assert.Throws<InputException>(() => EvaluateGradingCommand.Average(a, [b], ["b.json"]));
        Assert.Contains("b.json", e.Message);
    }

    [Fact]
    public void AStoredEnsembleCountsAsItsRunsWhenMoreRunsAreAdded()
    {
        // Averaging runs 42 and 43 first and then adding 44 must equal averaging all three at once: the stored pair weighs two runs.
        var pair = Run(42, 0.9, 0.3);
        EvaluateGradingCommand.Average(pair, [Run(43, 0.6, 0.0)], ["43"]);
        var third = Run(44, 0.3, 0.6);
        EvaluateGradingCommand.Average(third, [pair], ["pair"]);
        var p = third["predictions"]!.AsArray();
        foreach (var t in GradingTask.All)
        {
            Assert.Equal(0.6, p[0]!["probabilities"]![t.HeadName]![0]!.GetValue<double>(), 9);   // (0.9 + 0.6 + 0.3) / 3, not (0.75 + 0.3) / 2
            Assert.Equal(0.3, p[1]!["probabilities"]![t.HeadName]![0]!.GetValue<double>(), 9);   // (0.3 + 0.0 + 0.6) / 3
        }
        Assert.Equal([44, 42, 43], third["seeds"]!.AsArray().Select(s => s!.GetValue<int>()));
    }

    [Fact]
    public void FromJsonRefusesMalformedPredictionsWithTheReasonAndLeavesTheFilesAlone()
    {
        using var tmp = new TempDir();
        var shipped = Path.Combine(SharedData.RepoRoot, "models", "grading", "evaluation.json");
        var main = tmp.File("e.json");
        File.Copy(shipped, main);
        var node = JsonNode.Parse(File.ReadAllText(shipped))!;
        node["predictions"]![2]!["probabilities"]!["pfirrmann"] = new JsonArray(0.0, 0.0, 0.0, 0.0, 0.0);
        var other = tmp.File("other.json");
        File.WriteAllText(other, node.ToJsonString());
        var (exit, _, err) = CliRun.Run("evaluate", "grading", "--from-json", "--json", main, "--average-with", other, "--card", "none");
        Assert.Equal(1, exit);
        Assert.Contains("other.json: predictions[2] is not a prediction (pfirrmann: probabilities [0, 0, 0, 0, 0] are not a distribution", err);
        Assert.Equal(File.ReadAllBytes(shipped), File.ReadAllBytes(main));

        File.WriteAllText(other, "{\"predictions\": [{\"patient\": \"1\"}]}");
        (exit, _, err) = CliRun.Run("evaluate", "grading", "--from-json", "--json", other, "--card", "none");
        Assert.Equal(1, exit);
        Assert.Contains("predictions[0] is not a prediction (no \"truth\")", err);
        Assert.DoesNotContain("   at ", err);
    }
}
