namespace DiscScope.Evaluation;

/// <summary>
/// Thrown when valid input leaves a metric mathematically undefined (ROC AUC with only one class present, Cohen's kappa when
/// chance agreement is total, balanced accuracy with no true class). Metrics never return NaN instead.
/// <see cref="Bootstrap"/> counts resamples that raise it as undefined and reports how many were left out.
/// </summary>
public sealed class UndefinedMetricException : EvaluationException
{
    /// <summary>An exception naming the metric and why it is undefined.</summary>
    public UndefinedMetricException(string reason) : base(reason) { }
}
