using System.Text.Json;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Cli.Commands;
using DiscScope.Evaluation;
using DiscScope.TestSupport;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class EvaluateGradingSubgroupsCommandTests
{
    private static string Shipped => Path.Combine(SharedData.RepoRoot, "models", "grading", "fusion-evaluation.json");

    [DataFact]
    public void OnTheShippedPredictionsVendorGroupsFollowOverviewAndTheirFiguresAreScikitLearns()
    {
        var (discs, source) = OutOfFoldPredictionsJson.Read(Shipped, preferFused: true);
        Assert.Equal("predictions_fused", source);
        Assert.All(discs, d => Assert.NotNull(d.PfirrmannDecided));
        var overview = SpiderData.Overview(SharedData.Folder!);
        var vendor = SpiderSubgroupAttributes.For(overview, discs).Single(a => a.Name == "vendor");
        var result = GradingSubgroupAnalysis.Run(discs, [vendor], bootstrap: new BootstrapOptions(Resamples: 200)).Single();
        Assert.Equal(["Philips", "Siemens"], result.Groups.Select(g => g.Group));
        Assert.Equal(discs.Count, result.Groups.Sum(g => g.Discs));
        Assert.Equal(discs.Select(d => d.Patient).Distinct().Count(), result.Groups.Sum(g => g.Patients));
        foreach (var g in result.Groups)
        {
            // Membership straight from overview.csv's Manufacturer of the patient's T2 (TSE, else SPACE) row.
            var members = discs.Where(d => (overview.GetValueOrDefault(d.Patient + "_t2") ?? overview[d.Patient + "_t2_SPACE"]).Manufacturer!
                .StartsWith(g.Group == "Philips" ? "Philips" : "SIEMENS", StringComparison.Ordinal)).ToList();
            Assert.Equal(members.Count, g.Discs);
            const int pf = 0, modic = 1;
            var peer = ReferencePeer.Run(
                new { kind = "labels", truth = members.Select(d => d.Truth[pf]).ToArray(), pred = members.Select(d => d.PfirrmannDecided!.Value).ToArray(), n_classes = 5 },
                new { kind = "binary_scores", truth = members.Select(d => d.Truth[modic] > 0 ? 1 : 0).ToArray(), scores = members.Select(d => 1 - d.Probabilities[modic][0]).ToArray(), threshold = 0.5, bins = 10 });
            Assert.Equal(peer[0].GetProperty("kappa_linear").GetDouble(), g.Metrics["pfirrmann_linear_kappa"]!.Value, 1e-12);
            Assert.Equal(peer[0].GetProperty("accuracy").GetDouble(), g.Metrics["pfirrmann_accuracy"]!.Value, 1e-12);
            Assert.Equal(peer[0].GetProperty("within_one").GetDouble(), g.Metrics["pfirrmann_within_one"]!.Value, 1e-12);
            Assert.Equal(peer[1].GetProperty("auc").GetDouble(), g.Metrics["modic_any_auc"]!.Value, 1e-12);
        }
    }

    [DataFact]
    public void TheCommandWritesEveryAttributeToJsonAndTheCardSection()
    {
        using var tmp = new TempDir();
        var card = tmp.File("card.md");
        File.WriteAllText(card, "# card\n");
        var (exit, stdout, err) = CliRun.Run("evaluate", "grading-subgroups", "--data", SharedData.Folder!, "--predictions", Shipped, "--resamples", "100",
            "--json", tmp.File("s.json"), "--card", card);
        Assert.True(exit == 0, err + stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(tmp.File("s.json")));
        var attributes = doc.RootElement.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["vendor", "field_strength", "scanner_model", "sex", "t1", "level"], attributes.Select(a => a.GetProperty("name").GetString()));
        Assert.All(attributes, a => Assert.Equal(doc.RootElement.GetProperty("discs").GetInt32(), a.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("discs").GetInt32())));
        Assert.Equal(JsonValueKind.Null, attributes.Single(a => a.GetProperty("name").GetString() == "level").GetProperty("difference").ValueKind);
        var text = File.ReadAllText(card);
        Assert.StartsWith("# card", text);
        Assert.Contains("<!-- subgroups:begin -->\n## Subgroups", text);
        Assert.Contains("| difference Philips − Siemens |", text);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "not an evaluation JSON")]
    [InlineData("{\"metrics\": {}}", "no out-of-fold predictions")]
    [InlineData("{\"predictions\": []}", "predictions is empty")]
    [InlineData("{\"predictions\": [{\"patient\": \"1\", \"ivd\": 1}]}", "predictions[0] is not a prediction")]
    public void BadPredictionFilesAreRefusedWithTheReason(string content, string reason)
    {
        using var tmp = new TempDir();
        var path = tmp.File("p.json");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InputException>(() => OutOfFoldPredictionsJson.Read(path, preferFused: true));
        Assert.Contains(reason, e.Message);
        var (exit, _, err) = CliRun.Run("evaluate", "grading-subgroups", "--data", tmp.Path, "--predictions", path, "--json", tmp.File("s.json"), "--card", "none");
        Assert.NotEqual(0, exit);
        Assert.Contains(reason, err);
        Assert.False(File.Exists(tmp.File("s.json")));
    }

    [Fact]
    public void AProbabilityVectorOfTheWrongLengthIsRefused()
    {
        using var tmp = new TempDir();
        var path = OnePrediction(tmp, "endplate_lower", [0.3, 0.3, 0.4]);
        var e = Assert.Throws<InputException>(() => OutOfFoldPredictionsJson.Read(path, preferFused: false));
        Assert.Contains("endplate_lower: 3 probabilities for 2 classes", e.Message);
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0, 0.0 })]
    [InlineData(new[] { -1.0, 0.5, 0.5, 0.5, 0.5 })]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.0, 0.0 })]
    public void APfirrmannVectorThatIsNotADistributionIsRefused(double[] pfirrmann)
    {
        using var tmp = new TempDir();
        var path = OnePrediction(tmp, "pfirrmann", pfirrmann);
        var e = Assert.Throws<InputException>(() => OutOfFoldPredictionsJson.Read(path, preferFused: false));
        Assert.Contains("predictions[0] is not a prediction (pfirrmann: probabilities", e.Message);
        Assert.Contains("are not a distribution", e.Message);
        var (exit, _, err) = CliRun.Run("evaluate", "grading-audit", "--predictions", path, "--json", tmp.File("a.json"), "--card", "none");
        Assert.NotEqual(0, exit);
        Assert.Contains("are not a distribution", err);
        Assert.DoesNotContain("   at ", err); // a reason, not a stack trace
    }

    /// <summary>A predictions file of one disc: uniform probabilities for every head except <paramref name="head"/>, which gets <paramref name="p"/>.</summary>
    private static string OnePrediction(TempDir tmp, string head, double[] p)
    {
        var path = tmp.File("p.json");
        var heads = new[] { ("pfirrmann", 5), ("modic", 4), ("herniation", 2), ("bulging", 2), ("narrowing", 2), ("spondylolisthesis", 2), ("endplate_upper", 2), ("endplate_lower", 2) };
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            predictions = new[] { new { patient = "1", ivd = 1, fold = 0, hasT1 = true,
                truth = heads.ToDictionary(h => h.Item1, _ => 0),
                probabilities = heads.ToDictionary(h => h.Item1, h => h.Item1 == head ? p : Enumerable.Repeat(1.0 / h.Item2, h.Item2).ToArray()) } },
        }));
        return path;
    }
}
