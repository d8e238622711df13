using DiscScope.Analysis.DiscGrading;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class GradingFusionTrainerTests
{
    private static readonly string[] AllHeads = [.. GradingTask.All.Select(t => t.HeadName)];

    /// <summary>Discs of 40 patients in 4 folds; narrowing is planted in the middle height (below 7 mm), the network's probabilities are noise.</summary>
    private static List<FusionRow> Rows(int seed)
    {
        var rng = new Random(seed);
        var rows = new List<FusionRow>();
        for (var patient = 0; patient < 40; patient++)
            for (var ivd = 1; ivd <= 5; ivd++)
            {
                var height = 4 + rng.NextDouble() * 8;
                var probs = GradingTask.All.Select(t => { var p = Enumerable.Range(0, t.Classes).Select(_ => rng.NextDouble() + 0.1).ToArray(); var s = p.Sum(); return p.Select(v => v / s).ToArray(); }).ToArray();
                var truth = GradingTask.All.Select(t => t.HeadName == "narrowing" ? (height < 7 ? 1 : 0) : rng.Next(t.Classes)).ToArray();
                var m = new DiscMeasurement(DiscLevel.FromSpiderIvdLabel(ivd), new VertebralHeights(new(height + 1), new(height), new(height - 1)), height / 25,
                    new Degrees(5), new Millimetres(0.5), 0.8, new Millimetres(14), null);
                rows.Add(new FusionRow($"p{patient}", ivd, patient % 4, rng.NextDouble() < 0.5, truth, probs, ivd == 3 && patient % 7 == 0 ? null : m));
            }
        return rows;
    }

    [Fact]
    public void The_fusion_learns_a_finding_the_measurements_carry()
    {
        var rows = Rows(3);
        var fused = GradingFusionTrainer.CrossValidate(rows, ["pfirrmann", "narrowing"]);
        var h = GradingTask.All.ToList().FindIndex(t => t.HeadName == "narrowing");
        var auc = DiscScope.Evaluation.Roc.Auc([.. rows.Select(r => r.Truth[h] == 1)], [.. fused[h].Select(p => p[1])]);
        Assert.True(auc > 0.95, $"out-of-fold AUC {auc}");
        // An unfused head keeps the network's probabilities untouched.
        var modic = GradingTask.All.ToList().FindIndex(t => t.HeadName == "modic");
        for (var i = 0; i < rows.Count; i++) Assert.Equal(rows[i].Probabilities[modic], fused[modic][i]);
    }

    [Fact]
    public void A_folds_predictions_do_not_depend_on_its_own_labels()
    {
        var rows = Rows(4);
        var a = GradingFusionTrainer.CrossValidate(rows, AllHeads);
        var flipped = rows.Select(r => r.Fold == 2 ? r with { Truth = [.. r.Truth.Select((t, h) => GradingTask.All[h].Classes - 1 - t)] } : r).ToList();
        var b = GradingFusionTrainer.CrossValidate(flipped, AllHeads);
        for (var h = 0; h < GradingTask.All.Count; h++)
            for (var i = 0; i < rows.Count; i++)
                if (rows[i].Fold == 2) Assert.Equal(a[h][i], b[h][i]);
    }

    [Fact]
    public void By_default_only_pfirrmann_is_fused()
    {
        var rows = Rows(6);
        var fused = GradingFusionTrainer.CrossValidate(rows);
        Assert.Equal(["pfirrmann"], GradingFusionTrainer.Fit(rows).Heads.Keys);
        for (var h = 0; h < GradingTask.All.Count; h++)
            for (var i = 0; i < rows.Count; i++)
                if (GradingTask.All[h].HeadName == "pfirrmann") Assert.NotEqual(rows[i].Probabilities[h], fused[h][i]);
                else Assert.Equal(rows[i].Probabilities[h], fused[h][i]);
    }

    [Fact]
    public void A_patient_in_two_folds_is_refused()
    {
        var rows = Rows(5);
        rows[0] = rows[0] with { Fold = (rows[1].Fold + 1) % 4 };
        Assert.Throws<ArgumentException>(() => GradingFusionTrainer.CrossValidate(rows));
    }
}
