using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// A headline grading metric computed on any set of out-of-fold predictions (throws <see cref="UndefinedMetricException"/> where it is
/// undefined, e.g. an AUC without positives). <see cref="Headline"/> lists the figures the grading issue sets goals for.
/// </summary>
public sealed record SubgroupMetric(string Name, string Label, Func<IReadOnlyList<OutOfFoldPrediction>, double> Of)
{
    private static readonly int Pfirrmann = GradingTask.IndexOf("pfirrmann");
    private static readonly int Modic = GradingTask.IndexOf("modic");

    /// <summary>Pfirrmann linear kappa, accuracy and within-one agreement (the decided grade: the fusion's cutoffs where stored, else
    /// the median rule); Modic any-vs-none AUC; the AUC of every binary finding.</summary>
    public static IReadOnlyList<SubgroupMetric> Headline { get; } =
    [
        new("pfirrmann_linear_kappa", "Pfirrmann linear κ", s => PfirrmannConfusion(s).Kappa(KappaWeighting.Linear)),
        new("pfirrmann_accuracy", "Pfirrmann accuracy", s => PfirrmannConfusion(s).Accuracy()),
        new("pfirrmann_within_one", "Pfirrmann within one", s => PfirrmannConfusion(s).WithinOneAgreement()),
        new("modic_any_auc", "Modic-any AUC", s => Roc.Auc([.. s.Select(d => d.Truth[Modic] > 0)], [.. s.Select(d => 1 - d.Probabilities[Modic][0])])),
        .. GradingTask.All.Select((t, h) => (t, h)).Where(e => e.t.IsBinary).Select(e =>
            new SubgroupMetric(e.t.HeadName + "_auc", e.t.HeadName.Replace('_', ' ') + " AUC",
                s => Roc.Auc([.. s.Select(d => d.Truth[e.h] == 1)], [.. s.Select(d => d.Probabilities[e.h][1])]))),
    ];

    /// <summary>The Pfirrmann class reported for a disc: the fusion's decided class where stored, else the median rule.</summary>
    public static int PfirrmannClass(OutOfFoldPrediction d) => d.PfirrmannDecided ?? GradingTask.All[Pfirrmann].Decide(d.Probabilities[Pfirrmann]);

    private static ConfusionMatrix PfirrmannConfusion(IReadOnlyList<OutOfFoldPrediction> s)
    {
        if (s.Count == 0) throw new UndefinedMetricException("no discs");
        return ConfusionMatrix.From([.. s.Select(d => d.Truth[Pfirrmann])], [.. s.Select(PfirrmannClass)], GradingTask.All[Pfirrmann].Classes);
    }
}
