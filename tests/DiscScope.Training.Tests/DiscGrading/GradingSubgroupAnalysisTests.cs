using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class GradingSubgroupAnalysisTests
{
    private static readonly BootstrapOptions Fast = new(Resamples: 300, Seed: 3);

    /// <summary>A disc whose every head predicts the reference class with probability <paramref name="confidence"/> when
    /// <paramref name="right"/>, else a wrong class with that probability.</summary>
    private static OutOfFoldPrediction Disc(string patient, int ivd, Random rng, bool right, double confidence = 0.8, bool hasT1 = true)
    {
        var truth = GradingTask.All.Select(t => rng.Next(t.Classes)).ToArray();
        var probabilities = GradingTask.All.Select((t, h) =>
        {
            var c = right ? truth[h] : (truth[h] + 1 + rng.Next(t.Classes - 1)) % t.Classes;
            return Enumerable.Range(0, t.Classes).Select(k => k == c ? confidence : (1 - confidence) / (t.Classes - 1)).ToArray();
        }).ToArray();
        return new OutOfFoldPrediction(patient, ivd, 0, hasT1, truth, probabilities);
    }

    /// <summary>Group A's 40 patients are graded right, group B's 40 at chance; 5 discs each; 3 patients with no known group.</summary>
    private static List<OutOfFoldPrediction> Planted()
    {
        var rng = new Random(11);
        var discs = new List<OutOfFoldPrediction>();
        for (var p = 0; p < 83; p++)
            for (var k = 1; k <= 5; k++)
                discs.Add(Disc($"P{p:D2}", k, rng, right: p < 40 || rng.NextDouble() < 0.3, hasT1: k % 2 == 0));
        return discs;
    }

    private static string? Group(OutOfFoldPrediction d) => int.Parse(d.Patient[1..]) switch { < 40 => "A", < 80 => "B", _ => null };

    [Fact]
    public void EachGroupsFiguresAreTheMetricOnItsOwnDiscsAndUnknownDiscsAreLeftOutWithANote()
    {
        var discs = Planted();
        var r = GradingSubgroupAnalysis.Run(discs, [new SubgroupAttribute("g", "planted group", Group, ["B", "A"])], bootstrap: Fast).Single();
        Assert.Equal(["B", "A"], r.Groups.Select(g => g.Group));
        Assert.Equal((200, 40, 200, 40), (r.Groups[0].Discs, r.Groups[0].Patients, r.Groups[1].Discs, r.Groups[1].Patients));
        Assert.Contains(r.Notes, n => n.StartsWith("15 disc(s) without a known g", StringComparison.Ordinal));
        foreach (var g in r.Groups)
        {
            var members = discs.Where(d => Group(d) == g.Group).ToList();
            foreach (var m in SubgroupMetric.Headline)
            {
                var ci = g.Metrics[m.Name]!;
                Assert.Equal(m.Of(members), ci.Value, 12);
                Assert.Equal((members.Count, g.Patients), (ci.N, ci.Clusters));
                Assert.True(ci.Lower <= ci.Value + 1e-12 && ci.Value <= ci.Upper + 1e-12, $"{g.Group} {m.Name}: {ci}");
            }
        }
        // Group A is graded right everywhere: kappa, accuracy and every AUC are 1.
        Assert.All(r.Groups[1].Metrics.Values, v => Assert.Equal(1, v!.Value, 12));
    }

    [Fact]
    public void ATwoGroupAttributeGetsTheDifferenceAndAPlantedGapExcludesZero()
    {
        var r = GradingSubgroupAnalysis.Run(Planted(), [new SubgroupAttribute("g", "planted group", Group, ["A", "B"])], bootstrap: Fast).Single();
        Assert.NotNull(r.Difference);
        foreach (var m in SubgroupMetric.Headline)
        {
            var d = r.Difference![m.Name]!;
            Assert.Equal(r.Groups[0].Metrics[m.Name]!.Value - r.Groups[1].Metrics[m.Name]!.Value, d.Value, 12);
            Assert.True(d.Lower > 0, $"{m.Name}: {d}"); // A (all right) beats B (30 % right) on every metric
        }
        var three = GradingSubgroupAnalysis.Run(Planted(), [new SubgroupAttribute("k", "level", d => d.IvdLabel <= 3 ? d.IvdLabel.ToString() : null, [])], bootstrap: Fast).Single();
        Assert.Null(three.Difference);
        Assert.Equal(["1", "2", "3"], three.Groups.Select(g => g.Group)); // groups outside the order list follow in ordinal order
    }

    [Fact]
    public void AMetricUndefinedInAGroupIsNullWithTheReason()
    {
        // Group "none" has no herniation: its herniation AUC is undefined; the other metrics stay.
        var rng = new Random(5);
        var h = GradingTask.All.ToList().FindIndex(t => t.HeadName == "herniation");
        var discs = Enumerable.Range(0, 60).Select(n =>
        {
            var d = Disc($"Q{n:D2}", 1, rng, right: rng.NextDouble() < 0.7);
            if (n % 2 == 1) return d;
            var truth = (int[])d.Truth.Clone(); truth[h] = 0;
            return d with { Truth = truth };
        }).ToList();
        var r = GradingSubgroupAnalysis.Run(discs, [new SubgroupAttribute("h", "herniation present in group", d => int.Parse(d.Patient[1..]) % 2 == 0 ? "none" : "some", [])], bootstrap: Fast).Single();
        var none = r.Groups.Single(g => g.Group == "none");
        Assert.Null(none.Metrics["herniation_auc"]);
        Assert.NotNull(none.Metrics["pfirrmann_linear_kappa"]);
        Assert.Null(r.Difference!["herniation_auc"]);
        Assert.Contains(r.Notes, n => n.StartsWith("none, herniation AUC:", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePfirrmannGradeIsTheStoredDecisionWhereThereIsOne()
    {
        // Probabilities whose median is grade 1 (class 0), a stored decision of class 2 matching the truth: accuracy 1 with the
        // decision, 0 without.
        var p = GradingTask.All.Select(t => Enumerable.Range(0, t.Classes).Select(c => c == 0 ? 0.6 : 0.4 / (t.Classes - 1)).ToArray()).ToArray();
        var truth = GradingTask.All.Select(t => t.HeadName == "pfirrmann" ? 2 : 0).ToArray();
        var decided = Enumerable.Range(0, 4).Select(n => new OutOfFoldPrediction($"P{n}", 1, 0, true, truth, p, PfirrmannDecided: 2)).ToList();
        var median = decided.Select(d => d with { PfirrmannDecided = null }).ToList();
        var accuracy = SubgroupMetric.Headline.Single(m => m.Name == "pfirrmann_accuracy");
        Assert.Equal(1, accuracy.Of(decided));
        Assert.Equal(0, accuracy.Of(median));
        Assert.Equal(0, SubgroupMetric.PfirrmannClass(median[0]));
    }
}
