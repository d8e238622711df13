using System.Globalization;
using System.Text;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>The grading model card's subgroup section (markdown) from a <see cref="GradingSubgroupAnalysis"/> result.</summary>
public static class GradingSubgroupCard
{
    /// <param name="results">The analysis, attributes in report order.</param>
    /// <param name="source">What the predictions are (one sentence, e.g. the evaluation file and what it holds).</param>
    /// <param name="metrics">The metrics in column order (default <see cref="SubgroupMetric.Headline"/>).</param>
    /// <param name="resamples">Bootstrap resamples behind the intervals.</param>
    public static string Markdown(IReadOnlyList<SubgroupAttributeResult> results, string source, IReadOnlyList<SubgroupMetric>? metrics = null, int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(results);
        var m = metrics ?? SubgroupMetric.Headline;
        var b = new StringBuilder();
        b.AppendLine("## Subgroups (`discscope evaluate grading-subgroups`)");
        b.AppendLine();
        var twoGroup = results.Count(r => r.Difference is not null);
        b.AppendLine($"{source} Every figure has a patient-bootstrap 95 % CI ({resamples} resamples). A difference row (first group minus second) resamples the patients of the whole set, so groups that share patients keep their pairing; its interval excludes 0 where the groups differ beyond resampling noise. With {m.Count} metrics on {twoGroup} two-group attributes, about {m.Count * twoGroup / 20.0:0.#} of the {m.Count * twoGroup} difference intervals would exclude 0 by chance alone, so read a single one as a lead, not a finding. The groups also differ in who is in them: kappa and AUC depend on a group's mix of grades and on the prevalence of a finding (a level's narrower range of grades lowers its kappa below the pooled one), so a difference is an association, not an effect of the attribute.");
        b.AppendLine();
        var excluding = results.Where(r => r.Difference is not null)
            .SelectMany(r => m.Where(x => r.Difference![x.Name] is { } d && (d.Lower > 0 || d.Upper < 0)).Select(x => $"{r.Groups[0].Group} − {r.Groups[1].Group}, {x.Label} {Signed(r.Difference![x.Name]!)}")).ToList();
        b.AppendLine(excluding.Count == 0 ? "No difference interval excludes 0." : $"Difference intervals excluding 0: {string.Join("; ", excluding)}.");
        foreach (var r in results)
        {
            b.AppendLine();
            b.AppendLine($"### {Capital(r.Description)}");
            b.AppendLine();
            b.AppendLine("| group | discs (patients) | " + string.Join(" | ", m.Select(x => x.Label)) + " |");
            b.AppendLine("|---|---|" + string.Concat(m.Select(_ => "---|")));
            foreach (var g in r.Groups)
                b.AppendLine($"| {g.Group} | {g.Discs} ({g.Patients}) | " + string.Join(" | ", m.Select(x => Ci(g.Metrics[x.Name]))) + " |");
            if (r.Difference is { } diff)
                b.AppendLine($"| difference {r.Groups[0].Group} − {r.Groups[1].Group} | | " + string.Join(" | ", m.Select(x => diff[x.Name] is { } d ? Signed(d) : "n/a")) + " |");
            if (r.Notes.Count > 0)
            {
                b.AppendLine();
                b.AppendLine("n/a: " + string.Join("; ", r.Notes) + ".");
            }
        }
        return b.ToString();
    }

    private static string Ci(MetricWithCi? c) =>
        c is null ? "n/a" : string.Format(CultureInfo.InvariantCulture, "{0:0.000} [{1:0.000}, {2:0.000}]", c.Value, c.Lower, c.Upper);

    private static string Signed(MetricWithCi c) =>
        string.Format(CultureInfo.InvariantCulture, "{0:+0.000;−0.000;0.000} [{1:+0.000;−0.000;0.000}, {2:+0.000;−0.000;0.000}]", c.Value, c.Lower, c.Upper);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
