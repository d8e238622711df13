using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Fits and cross-validates the measurement fusion (<see cref="GradingFusion"/>) on the grading network's out-of-fold probabilities.
/// Stacking on out-of-fold predictions: the fusion for the discs of fold k is fitted on the other folds' discs only, so every fused
/// probability comes from a network and a fusion that never saw the disc's patient.
/// </summary>
public static class GradingFusionTrainer
{
    /// <summary>Heads fused by default: the shipped choice, Pfirrmann only. The first choice (session 3), made before looking at results
    /// for what the measurements describe, was Pfirrmann, herniation, bulging, narrowing and spondylolisthesis; spondylolisthesis left in
    /// session 7, and herniation, bulging and narrowing in session 15, when fusing them lowered their cross-validated AUC against the
    /// networks alone (docs/training.md, "Disc grading: measurement fusion"). Modic and the endplate findings are marrow signal on T1,
    /// which no measurement covers.</summary>
    public static IReadOnlyList<string> DefaultHeads { get; } = ["pfirrmann"];

    /// <summary>Default L2 weight (scikit-learn C ≈ 0.05 at n ≈ 900).</summary>
    public const double DefaultL2 = 0.02;

    public static GradingFusion Fit(IReadOnlyList<FusionRow> rows, IReadOnlyList<string>? heads = null, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = rows.Select(r => r.Features).ToList();
        var models = new Dictionary<string, MultinomialLogistic>();
        foreach (var head in heads ?? DefaultHeads)
        {
            var h = GradingTask.IndexOf(head);
            models[head] = MultinomialLogisticFit.Fit(x, [.. rows.Select(r => r.Truth[h])], GradingTask.All[h].Classes, l2);
        }
        return new GradingFusion(FusionFeatures.Names, models);
    }

    /// <summary>Out-of-fold fused probabilities [head][row][class] by the rows' own folds; heads not fused keep their input probabilities.</summary>
    public static double[][][] CrossValidate(IReadOnlyList<FusionRow> rows, IReadOnlyList<string>? heads = null, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = GradingTask.All.Select((_, h) => rows.Select(r => (double[])r.Probabilities[h].Clone()).ToArray()).ToArray();
        foreach (var fold in rows.Select(r => r.Fold).Distinct().Order())
        {
            var train = rows.Where(r => r.Fold != fold).ToList();
            if (train.Select(r => r.Patient).Intersect(rows.Where(r => r.Fold == fold).Select(r => r.Patient)).Any())
                throw new ArgumentException($"fold {fold} shares patients with the other folds");
            var fusion = Fit(train, heads, l2);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Fold != fold) continue;
                var f = rows[i].Features;
                foreach (var (head, _) in fusion.Heads) result[GradingTask.IndexOf(head)][i] = fusion.Apply(head, f)!;
            }
        }
        return result;
    }
}
