using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Subgroup analysis of cross-validated gradings: for every attribute (scanner vendor, field strength, sex, level, ...) the headline
/// metrics of each of its groups with patient-bootstrap CIs, and for a two-group attribute the difference between the groups with its
/// own CI (resampling patients of the whole set, so groups that share patients, e.g. two disc levels, keep their pairing). Pure: the same
/// predictions, attributes and bootstrap options give the same result.
/// </summary>
public static class GradingSubgroupAnalysis
{
    public static IReadOnlyList<SubgroupAttributeResult> Run(IReadOnlyList<OutOfFoldPrediction> discs, IReadOnlyList<SubgroupAttribute> attributes,
        IReadOnlyList<SubgroupMetric>? metrics = null, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(discs);
        ArgumentNullException.ThrowIfNull(attributes);
        var m = metrics ?? SubgroupMetric.Headline;
        return [.. attributes.Select(a => Attribute(discs, a, m, bootstrap))];
    }

    private static SubgroupAttributeResult Attribute(IReadOnlyList<OutOfFoldPrediction> discs, SubgroupAttribute a, IReadOnlyList<SubgroupMetric> metrics, BootstrapOptions? bootstrap)
    {
        var notes = new List<string>();
        var groupOf = discs.Select(a.GroupOf).ToArray();
        var unknown = groupOf.Count(g => g is null);
        if (unknown > 0) notes.Add($"{unknown} disc(s) without a known {a.Name} left out");
        var names = groupOf.OfType<string>().Distinct()
            .OrderBy(g => Rank(a.Order, g)).ThenBy(g => g, StringComparer.Ordinal).ToList();
        var groups = names.Select(g =>
        {
            var members = discs.Where((_, n) => groupOf[n] == g).ToList();
            var values = metrics.ToDictionary(x => x.Name, x => Try(() => Bootstrap.PercentileCi(members, d => d.Patient, x.Of, bootstrap), $"{g}, {x.Label}", notes));
            return new SubgroupResult(g, members.Count, members.Select(d => d.Patient).Distinct().Count(), values);
        }).ToList();
        IReadOnlyDictionary<string, MetricWithCi?>? difference = null;
        if (names.Count == 2)
        {
            var known = discs.Where((_, n) => groupOf[n] is not null).ToList();
            // Membership looked up, not recomputed, on every resample.
            var first = new HashSet<OutOfFoldPrediction>(discs.Where((_, n) => groupOf[n] == names[0]), ReferenceEqualityComparer.Instance);
            difference = metrics.ToDictionary(x => x.Name, x => Try(() => Bootstrap.DifferenceCi(known, d => d.Patient,
                first.Contains, d => !first.Contains(d), x.Of, bootstrap), $"{names[0]} − {names[1]}, {x.Label}", notes));
        }
        return new SubgroupAttributeResult(a.Name, a.Description, groups, difference, notes);
    }

    private static int Rank(IReadOnlyList<string> order, string group)
    {
        for (var i = 0; i < order.Count; i++) if (order[i] == group) return i;
        return int.MaxValue;
    }

    private static MetricWithCi? Try(Func<MetricWithCi> f, string what, List<string> notes)
    {
        try { return f(); }
        catch (UndefinedMetricException e) { notes.Add($"{what}: {e.Message}"); return null; }
    }
}
