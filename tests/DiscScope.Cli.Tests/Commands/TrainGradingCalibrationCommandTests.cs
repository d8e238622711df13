using System.Text.Json.Nodes;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class TrainGradingCalibrationCommandTests
{
    /// <summary>An averaged evaluation of 60 discs of 20 patients in 4 folds: every head is right in its top class 80 % of the time
    /// but puts only 0.5 on it (0.65 for a binary head): an under-confident mean.</summary>
    private static JsonNode Evaluation()
    {
        var rng = new Random(3);
        var rows = new JsonArray();
        for (var n = 0; n < 60; n++)
        {
            var truth = new JsonObject(); var probs = new JsonObject();
            foreach (var t in GradingTask.All)
            {
                var y = rng.Next(t.Classes);
                var top = rng.NextDouble() < 0.8 ? y : (y + 1) % t.Classes;
                truth[t.HeadName] = y;
                var q = t.IsBinary ? 0.65 : 0.5;
                probs[t.HeadName] = new JsonArray([.. Enumerable.Range(0, t.Classes).Select(c => (JsonNode?)Math.Round(c == top ? q : (1 - q) / (t.Classes - 1), 4))]);
            }
            rows.Add(new JsonObject { ["patient"] = $"p{n / 3}", ["ivd"] = n % 3 + 1, ["fold"] = n / 3 % 4, ["hasT1"] = false, ["truth"] = truth, ["probabilities"] = probs });
        }
        return new JsonObject { ["seeds"] = new JsonArray(42, 43), ["seed"] = 42, ["predictions"] = rows };
    }

    [Fact]
    public void CalibratingSharpensEveryHeadRecordsTheTemperaturesAndKeepsEachDiscsTopClass()
    {
        var e = Evaluation();
        var before = e.DeepClone();
        var (heads, calibrated) = TrainGradingCalibrationCommand.Calibrate(e, "mean.json");
        Assert.All(heads, h => Assert.True(h.Temperature < 1, $"{h.Head} {h.Temperature}"));
        var rows = e["predictions"]!.AsArray();
        for (var n = 0; n < rows.Count; n++)
            foreach (var t in GradingTask.All)
            {
                var p0 = before["predictions"]![n]!["probabilities"]![t.HeadName]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                var p1 = rows[n]!["probabilities"]![t.HeadName]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Assert.Equal(Array.IndexOf(p0, p0.Max()), Array.IndexOf(p1, p1.Max()));
                Assert.True(p1.Max() > p0.Max());
                Assert.Equal(p1, calibrated[GradingTask.All.ToList().IndexOf(t)][n]);
            }
        var record = e[TrainGradingCalibrationCommand.MarkerKey]!;
        Assert.Equal("mean.json", record["uncalibrated"]!.GetValue<string>());
        Assert.Equal(GradingTask.All.Count, record["heads"]!.AsArray().Count);
        Assert.Equal(4, record["heads"]![0]!["fold_temperatures"]!.AsObject().Count);
        Assert.NotNull(e["metrics"]!["pfirrmann"]);
        // Once calibrated, neither a second calibration nor averaging in more runs is allowed.
        Assert.Throws<InputException>(() => TrainGradingCalibrationCommand.Calibrate(e, "again.json"));
        Assert.Throws<InputException>(() => EvaluateGradingCommand.Average(Evaluation(), [e], ["calibrated.json"]));
        Assert.Throws<InputException>(() => EvaluateGradingCommand.Average(e, [Evaluation()], ["run.json"]));
    }

    [Fact]
    public void TheCommandWritesTheShippedTemperaturesBesideTheModelAndTheCrossFittedEvaluation()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("mean.json"), Evaluation().ToJsonString());
        var (exit, output, err) = CliRun.Run(["train", "grading-calibration", "--predictions", tmp.File("mean.json"), "--model", tmp.File("g.onnx"), "--json", tmp.File("cv.json")]);
        Assert.True(exit == 0, err);
        Assert.Contains("wrote", output);
        var shipped = GradingCalibration.ForEnsemble(tmp.File("g.onnx"));
        var record = JsonNode.Parse(File.ReadAllText(tmp.File("cv.json")))![TrainGradingCalibrationCommand.MarkerKey]!["heads"]!.AsArray();
        foreach (var h in record)
            Assert.Equal(h!["temperature"]!.GetValue<double>(), shipped.TemperatureOf(h["head"]!.GetValue<string>()));
        // The input is left as it was.
        Assert.Null(JsonNode.Parse(File.ReadAllText(tmp.File("mean.json")))![TrainGradingCalibrationCommand.MarkerKey]);
    }

    [Fact]
    public void OverwritingTheInputOrAMissingFileIsRefusedAndWritesNothing()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("mean.json"), Evaluation().ToJsonString());
        var (exit, _, err) = CliRun.Run(["train", "grading-calibration", "--predictions", tmp.File("mean.json"), "--model", tmp.File("g.onnx"), "--json", tmp.File("mean.json")]);
        Assert.Equal(1, exit);
        Assert.Contains("would overwrite", err);
        (exit, _, err) = CliRun.Run(["train", "grading-calibration", "--predictions", tmp.File("none.json"), "--model", tmp.File("g.onnx"), "--json", tmp.File("cv.json")]);
        Assert.Equal(1, exit);
        Assert.Contains("no such file", err);
        Assert.Equal([tmp.File("mean.json")], Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void OneFoldCannotBeCrossFitted()
    {
        var e = Evaluation();
        foreach (var r in e["predictions"]!.AsArray()) r!["fold"] = 0;
        var ex = Assert.Throws<InputException>(() => TrainGradingCalibrationCommand.Calibrate(e, "one-fold.json"));
        Assert.Contains("at least two", ex.Message);
    }

    [Theory]
    [InlineData("{\"predictions\": [")]                                   // truncated
    [InlineData("[1, 2, 3]")]                                              // not an object
    [InlineData("{\"predictions\": {\"fold\": 1}}")]                       // predictions not a list
    [InlineData("{\"predictions\": [{\"fold\": \"x\", \"truth\": {}}]}")]   // mistyped fold
    public void ADamagedPredictionsFileIsAOneLineErrorAndWritesNothing(string text)
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("mean.json"), text);
        var (exit, _, err) = CliRun.Run(["train", "grading-calibration", "--predictions", tmp.File("mean.json"), "--model", tmp.File("g.onnx"), "--json", tmp.File("cv.json")]);
        Assert.Equal(1, exit);
        Assert.StartsWith("discscope: ", err.Trim());
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("mean.json", err);
        Assert.Equal([tmp.File("mean.json")], Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void ProbabilitiesOutsideZeroToOneAreRefused()
    {
        var e = Evaluation();
        e["predictions"]![5]!["probabilities"]!["herniation"] = new JsonArray(-0.2, 1.2);
        var ex = Assert.Throws<InputException>(() => TrainGradingCalibrationCommand.Calibrate(e, "bad.json"));
        Assert.Contains("herniation probabilities outside [0, 1]", ex.Message);
    }
}
