using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// An audit of the reference gradings from cross-validated out-of-fold predictions, for researchers who retrain or weigh the figures:
/// which references confident learning questions (<see cref="ConfidentLearning"/>: Pfirrmann, Modic any versus none, each binary finding), which discs' references contradict each
/// other by definition (<see cref="ReferenceConsistency"/>, no prediction involved), which patients the network grades systematically
/// apart from the reference (<see cref="PatientGradeOffset"/>), and the headline figures on the self-consistent discs beside the rest.
/// A questioned reference is a candidate for a second reading, not a wrong label; the evaluation keeps every reference. Pure.
/// </summary>
public static class ReferenceAudit
{
    private static readonly int Pfirrmann = GradingTask.IndexOf("pfirrmann"), Modic = GradingTask.IndexOf("modic");

    /// <summary>
    /// What is audited: Pfirrmann (5 grades), Modic as any versus none (its four types have too few discs of types 1 and 3 for per-class
    /// thresholds to mean anything), and every binary finding.
    /// </summary>
    private static IReadOnlyList<(string Name, int Classes, Func<OutOfFoldPrediction, int> Label, Func<OutOfFoldPrediction, IReadOnlyList<double>> Probabilities)> Views { get; } =
    [
        ("pfirrmann", GradingTask.All[Pfirrmann].Classes, d => d.Truth[Pfirrmann], d => d.Probabilities[Pfirrmann]),
        ("modic_any", 2, d => d.Truth[Modic] > 0 ? 1 : 0, d => [d.Probabilities[Modic][0], 1 - d.Probabilities[Modic][0]]),
        .. GradingTask.All.Select((t, h) => (t, h)).Where(e => e.t.IsBinary)
            .Select(e => (e.t.HeadName, 2, (Func<OutOfFoldPrediction, int>)(d => d.Truth[e.h]), (Func<OutOfFoldPrediction, IReadOnlyList<double>>)(d => d.Probabilities[e.h]))),
    ];

    public const string Consistent = "self-consistent";
    public const string Contradicting = "self-contradicting";

    public static ReferenceAuditResult Run(IReadOnlyList<OutOfFoldPrediction> discs, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(discs);
        if (discs.Count == 0) throw new ArgumentException("no discs to audit", nameof(discs));
        var heads = new List<HeadAudit>();
        var questioned = new List<QuestionedReference>();
        foreach (var view in Views)
        {
            int[] labels = [.. discs.Select(view.Label)];
            IReadOnlyList<double>[] p = [.. discs.Select(view.Probabilities)];
            var counted = ConfidentLearning.ConfidentClasses(labels, p, view.Classes);
            int issues = 0, far = 0;
            for (var n = 0; n < discs.Count; n++)
            {
                if (counted[n] is not { } c || c == labels[n]) continue;
                issues++;
                if (Math.Abs(c - labels[n]) >= 2) far++;
                questioned.Add(new QuestionedReference(discs[n].Patient, discs[n].IvdLabel, view.Name, labels[n], c, p[n][labels[n]]));
            }
            heads.Add(new HeadAudit(view.Name, discs.Count, issues, view.Classes > 2 ? far : null, ConfidentLearning.Thresholds(labels, p, view.Classes)));
        }
        var violations = discs.Select(d => ReferenceConsistency.Violations(d.Truth)).ToArray();
        var inconsistent = ReferenceConsistency.Rules.ToDictionary(r => r,
            r => (IReadOnlyList<string>)[.. discs.Where((_, n) => violations[n].Contains(r)).Select(d => $"{d.Patient}:{d.IvdLabel}")]);
        var offsets = PatientGradeOffset.Of(discs.Select(d => (d.Patient, d.Truth[Pfirrmann], (IReadOnlyList<double>)d.Probabilities[Pfirrmann])));
        var attribute = new SubgroupAttribute("reference_consistency",
            "discs whose reference gradings agree with each other by definition, and those whose do not (Pfirrmann 1-2 with narrowing, or 5 without)",
            d => ReferenceConsistency.Violations(d.Truth).Count == 0 ? Consistent : Contradicting, [Consistent, Contradicting]);
        var consistency = GradingSubgroupAnalysis.Run(discs, [attribute], bootstrap: bootstrap)[0];
        return new ReferenceAuditResult(discs.Count, discs.Select(d => d.Patient).Distinct().Count(), heads,
            [.. questioned.OrderBy(q => q.ReferenceProbability)], inconsistent, offsets, consistency);
    }
}
