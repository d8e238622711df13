using System.Text.Json;
using DiscScope.Cli.Commands;
using DiscScope.Evaluation;
using DiscScope.TestSupport;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class EvaluateGradingAuditCommandTests
{
    private static string Shipped => Path.Combine(SharedData.RepoRoot, "models", "grading", "fusion-evaluation.json");

    [Fact]
    public void OnTheShippedPredictionsTheQuestionedReferencesAreCleanlabsAndTheConsistentKappaScikitLearns()
    {
        var (discs, _) = OutOfFoldPredictionsJson.Read(Shipped, preferFused: true);
        var audit = ReferenceAudit.Run(discs, new BootstrapOptions(Resamples: 100));
        const int pf = 0, modic = 1;
        object Case(string head, Func<OutOfFoldPrediction, int> label, Func<OutOfFoldPrediction, double[]> p) =>
            new { kind = "confident_learning", truth = discs.Select(label).ToArray(), probs = discs.Select(p).ToArray() };
        var binary = new[] { "herniation", "bulging", "narrowing", "spondylolisthesis", "endplate_upper", "endplate_lower" };
        var consistent = discs.Where(d => ReferenceConsistency.Violations(d.Truth).Count == 0).ToList();
        var peer = ReferencePeer.Run(
        [
            Case("pfirrmann", d => d.Truth[pf], d => d.Probabilities[pf]),
            Case("modic_any", d => d.Truth[modic] > 0 ? 1 : 0, d => [d.Probabilities[modic][0], 1 - d.Probabilities[modic][0]]),
            .. binary.Select((h, i) => Case(h, d => d.Truth[2 + i], d => d.Probabilities[2 + i])),
            new { kind = "labels", truth = consistent.Select(d => d.Truth[pf]).ToArray(), pred = consistent.Select(d => d.PfirrmannDecided!.Value).ToArray(), n_classes = 5 },
        ]);
        Assert.Equal(["pfirrmann", "modic_any", .. binary], audit.Heads.Select(h => h.Head));
        for (var i = 0; i < audit.Heads.Count; i++)
        {
            var issues = peer[i].GetProperty("issues").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
            Assert.Equal(issues.Count(x => x), audit.Heads[i].Questioned);
            var thresholds = ReferencePeer.Doubles(peer[i].GetProperty("thresholds"));
            Assert.Equal(thresholds.Length, audit.Heads[i].Thresholds.Count);
            for (var c = 0; c < thresholds.Length; c++) Assert.Equal(thresholds[c], audit.Heads[i].Thresholds[c]!.Value, 1e-12);
        }
        var counted = peer[0].GetProperty("counted").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(counted.Where((c, n) => c >= 0 && Math.Abs(c - discs[n].Truth[pf]) >= 2).Count(), audit.Heads[0].QuestionedFar);
        Assert.Equal(audit.Heads.Sum(h => h.Questioned), audit.Questioned.Count);
        var group = audit.Consistency.Groups.Single(g => g.Group == ReferenceAudit.Consistent);
        Assert.Equal(consistent.Count, group.Discs);
        Assert.Equal(peer[^1].GetProperty("kappa_linear").GetDouble(), group.Metrics["pfirrmann_linear_kappa"]!.Value, 1e-12);
        // The label-only rules, counted straight from the reference classes.
        Assert.Equal(discs.Count(d => d.Truth[pf] <= 1 && d.Truth[4] == 1), audit.Inconsistent[ReferenceConsistency.LowGradeWithNarrowing].Count);
        Assert.Equal(discs.Count - consistent.Count, audit.Inconsistent.Values.Sum(v => v.Count));
    }

    [Fact]
    public void TheCommandWritesJsonAndTheCardSection()
    {
        using var tmp = new TempDir();
        var card = tmp.File("card.md");
        File.WriteAllText(card, "# card\n");
        var (exit, stdout, err) = CliRun.Run("evaluate", "grading-audit", "--predictions", Shipped, "--resamples", "100", "--json", tmp.File("a.json"), "--card", card);
        Assert.True(exit == 0, err + stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(tmp.File("a.json")));
        var root = doc.RootElement;
        Assert.Equal("predictions_fused", root.GetProperty("source").GetString());
        var heads = root.GetProperty("heads").EnumerateArray().ToList();
        Assert.Equal(8, heads.Count);
        Assert.Equal(heads.Sum(h => h.GetProperty("questioned").GetInt32()), root.GetProperty("questioned").GetArrayLength());
        Assert.Equal(root.GetProperty("patients").GetInt32(), root.GetProperty("pfirrmann_offsets").GetArrayLength());
        var text = File.ReadAllText(card);
        Assert.StartsWith("# card", text);
        Assert.Contains("<!-- reference-audit:begin -->\n## Reference audit", text);
        Assert.Contains("| self-consistent |", text);
    }

    [Fact]
    public void ABadPredictionFileIsRefusedAndNothingIsWritten()
    {
        using var tmp = new TempDir();
        var path = tmp.File("p.json");
        File.WriteAllText(path, "{\"predictions\": []}");
        var (exit, _, err) = CliRun.Run("evaluate", "grading-audit", "--predictions", path, "--json", tmp.File("a.json"), "--card", "none");
        Assert.NotEqual(0, exit);
        Assert.Contains("predictions is empty", err);
        Assert.False(File.Exists(tmp.File("a.json")));
    }
}
