using System.Globalization;
using System.Text;

namespace DiscScope.Training.DiscGrading;

/// <summary>The grading model card's reference-audit section (markdown) from a <see cref="ReferenceAuditResult"/>.</summary>
public static class ReferenceAuditCard
{
    /// <summary>Patients listed as graded apart: at least this many discs ...</summary>
    public const int OffsetMinDiscs = 3;

    /// <summary>... and a mean offset at least this large (grades).</summary>
    public const double OffsetMin = 1.0;

    /// <param name="r">The audit.</param>
    /// <param name="source">What the predictions are (one sentence).</param>
    /// <param name="jsonPath">Where the full lists are written.</param>
    /// <param name="resamples">Bootstrap resamples behind the intervals.</param>
    public static string Markdown(ReferenceAuditResult r, string source, string jsonPath, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(r);
        var b = new StringBuilder();
        b.AppendLine("## Reference audit (`discscope evaluate grading-audit`)");
        b.AppendLine();
        b.AppendLine($"{source} How far the reference gradings can be trusted bounds every figure above: raters agree with each other at a Pfirrmann kappa of about 0.6. The audit lists the references worth a second reading. It changes no label and no figure: every evaluation keeps every reference. Full lists in `{jsonPath}`.");
        b.AppendLine();
        b.AppendLine("**Confident learning** (Northcutt et al., JAIR 2021, off-diagonal rule): a reference is questioned when the out-of-fold prediction reaches another class's threshold (that class's mean predicted probability among the discs graded so) more than its own. The prediction comes from networks that never saw the patient, but it is still a network's view: a questioned reference may be right and the network wrong.");
        b.AppendLine();
        b.AppendLine("| grading | discs | references questioned | of them two or more grades away | thresholds per class |");
        b.AppendLine("|---|---|---|---|---|");
        foreach (var h in r.Heads)
            b.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} ({3:0.0} %) | {4} | {5} |", h.Head, h.Discs, h.Questioned, 100 * h.QuestionedShare,
                h.QuestionedFar?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join(", ", h.Thresholds.Select(t => t is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a"))));
        b.AppendLine();
        b.AppendLine("**References that contradict each other** (by definition, no prediction involved: Pfirrmann I-II keeps the disc height, V is a collapsed disc space):");
        b.AppendLine();
        foreach (var (rule, discs) in r.Inconsistent)
            b.AppendLine($"- {Describe(rule)}: {discs.Count} disc(s){(discs.Count is > 0 and <= 12 ? " (patient:IVD " + string.Join(", ", discs) + ")" : "")}.");
        b.AppendLine();
        var consistent = r.Consistency.Groups.FirstOrDefault(g => g.Group == ReferenceAudit.Consistent);
        var contradicting = r.Consistency.Groups.FirstOrDefault(g => g.Group == ReferenceAudit.Contradicting);
        b.AppendLine($"Pfirrmann figures on the two sets (patient-bootstrap 95 % CI, {resamples} resamples; the self-contradicting discs stay in every other figure):");
        b.AppendLine();
        b.AppendLine("| discs | n (patients) | linear κ | accuracy | within one |");
        b.AppendLine("|---|---|---|---|---|");
        foreach (var g in new[] { consistent, contradicting }.OfType<SubgroupResult>())
            b.AppendLine($"| {g.Group} | {g.Discs} ({g.Patients}) | {Ci(g, "pfirrmann_linear_kappa")} | {Ci(g, "pfirrmann_accuracy")} | {Ci(g, "pfirrmann_within_one")} |");
        b.AppendLine();
        var apart = r.PfirrmannOffsets.Where(o => o.Discs >= OffsetMinDiscs && Math.Abs(o.MeanOffset) >= OffsetMin).OrderBy(o => o.MeanOffset).ToList();
        b.AppendLine(string.Format(CultureInfo.InvariantCulture,
            "**Spines graded apart** (mean of reference minus expected predicted Pfirrmann grade over the patient's discs, at least {0} discs, |offset| ≥ {1:0.0}): {2} of {3} patients{4}",
            OffsetMinDiscs, OffsetMin, apart.Count, r.PfirrmannOffsets.Count,
            apart.Count == 0 ? "." : ": " + string.Join(", ", apart.Select(o => string.Format(CultureInfo.InvariantCulture, "{0} ({1:+0.00;−0.00} over {2})", o.Patient, o.MeanOffset, o.Discs))) + ". A whole spine graded a grade or more apart points to a reader's scale or an unusual scan (e.g. a slice off the midline) rather than to scattered errors."));
        return b.ToString();
    }

    private static string Describe(string rule) => rule switch
    {
        ReferenceConsistency.LowGradeWithNarrowing => "Pfirrmann 1-2 with disc narrowing",
        ReferenceConsistency.GradeFiveWithoutNarrowing => "Pfirrmann 5 without disc narrowing",
        _ => rule,
    };

    private static string Ci(SubgroupResult g, string metric) =>
        g.Metrics.TryGetValue(metric, out var c) && c is not null
            ? string.Format(CultureInfo.InvariantCulture, "{0:0.000} [{1:0.000}, {2:0.000}]", c.Value, c.Lower, c.Upper) : "n/a";
}
