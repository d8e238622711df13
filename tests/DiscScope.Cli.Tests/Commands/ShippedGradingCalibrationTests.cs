using System.Text.Json.Nodes;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>
/// The shipped grading ensemble's temperatures and its calibrated evaluation are what scipy fits on the shipped uncalibrated out-of-fold
/// mean, and they belong to the ensemble on disk (a member added without refitting them fails here).
/// </summary>
public class ShippedGradingCalibrationTests
{
    private static string Dir => Path.Combine(SharedData.RepoRoot, "models", "grading");

    private static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, name)))!;

    private static double[] LogRow(JsonNode row, string head) =>
        [.. row["probabilities"]![head]!.AsArray().Select(v => Math.Log(Math.Max(v!.GetValue<double>(), 1e-12)))];

    [Fact]
    public void TheShippedTemperaturesAreScipysFitOnTheUncalibratedMeanOfTheShippedSeeds()
    {
        var mean = Load("evaluation.uncalibrated.json");
        var calibrated = Load("evaluation.json");
        var seeds = mean["seeds"]!.AsArray().Select(s => s!.GetValue<int>()).ToArray();
        Assert.Equal(seeds, calibrated["seeds"]!.AsArray().Select(s => s!.GetValue<int>()));
        Assert.Equal(seeds.Length, Models.EnsembleMembers.Of(Path.Combine(Dir, "disc-grading.onnx")).Count);
        Assert.Null(mean[TrainGradingCalibrationCommand.MarkerKey]);
        Assert.NotNull(calibrated[TrainGradingCalibrationCommand.MarkerKey]);

        var shipped = GradingCalibration.ForEnsemble(Path.Combine(Dir, "disc-grading.onnx"));
        var rows = mean["predictions"]!.AsArray();
        var cases = GradingTask.All.Select(t => (object)new
        {
            kind = "temperature",
            truth = rows.Select(r => r!["truth"]![t.HeadName]!.GetValue<int>()).ToArray(),
            logits = rows.Select(r => LogRow(r!, t.HeadName)).ToArray(),
        }).ToArray();
        var peer = ReferencePeer.Run(cases);
        for (var h = 0; h < GradingTask.All.Count; h++)
            Assert.Equal(1, shipped.TemperatureOf(GradingTask.All[h].HeadName) / peer[h].GetProperty("temperature").GetDouble(), 1e-6);
    }

    [Fact]
    public void TheCalibratedEvaluationRescalesEachFoldByTheTemperatureFittedOnTheOtherFolds()
    {
        var mean = Load("evaluation.uncalibrated.json")["predictions"]!.AsArray();
        var calibrated = Load("evaluation.json")["predictions"]!.AsArray();
        Assert.Equal(mean.Count, calibrated.Count);
        const string head = "pfirrmann";
        var folds = mean.Select(r => r!["fold"]!.GetValue<int>()).ToArray();
        var distinct = folds.Distinct().Order().ToArray();
        var peer = ReferencePeer.Run([.. distinct.Select(k => (object)new
        {
            kind = "temperature",
            truth = mean.Where((_, n) => folds[n] != k).Select(r => r!["truth"]![head]!.GetValue<int>()).ToArray(),
            logits = mean.Where((_, n) => folds[n] != k).Select(r => LogRow(r!, head)).ToArray(),
        })]);
        for (var n = 0; n < mean.Count; n++)
        {
            Assert.Equal(mean[n]!["patient"]!.ToString(), calibrated[n]!["patient"]!.ToString());
            var t = peer[Array.IndexOf(distinct, folds[n])].GetProperty("temperature").GetDouble();
            var z = LogRow(mean[n]!, head).Select(v => v / t).ToArray();
            var e = z.Select(v => Math.Exp(v - z.Max())).ToArray();
            var expected = e.Select(v => v / e.Sum()).ToArray();
            var stored = calibrated[n]!["probabilities"]![head]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            Assert.Equal(expected, stored, (a, b) => Math.Abs(a - b) <= 5.1e-5); // stored at 4 decimals
        }
    }
}
