using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// The subgroups of one attribute with their metrics; for an attribute with exactly two groups also the difference of every metric
/// (first group minus second, <see cref="Bootstrap.DifferenceCi"/>); notes say why a metric is missing.
/// </summary>
public sealed record SubgroupAttributeResult(string Attribute, string Description, IReadOnlyList<SubgroupResult> Groups,
    IReadOnlyDictionary<string, MetricWithCi?>? Difference, IReadOnlyList<string> Notes);
