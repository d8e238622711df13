using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>One subgroup's headline metrics (metric name -> value with its patient-bootstrap CI; null where undefined).</summary>
public sealed record SubgroupResult(string Group, int Discs, int Patients, IReadOnlyDictionary<string, MetricWithCi?> Metrics);
