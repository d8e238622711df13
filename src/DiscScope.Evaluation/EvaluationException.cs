namespace DiscScope.Evaluation;

/// <summary>
/// The one exception the Evaluation layer throws for invalid input (mismatched lengths or geometries, out-of-range labels,
/// probabilities outside [0, 1], too few patients for the requested folds). The message names the argument and the reason.
/// </summary>
public class EvaluationException : Exception
{
    /// <summary>An exception with a one-line reason.</summary>
    public EvaluationException(string reason, Exception? inner = null) : base(reason, inner) => Reason = reason;

    /// <summary>What was wrong, in one line.</summary>
    public string Reason { get; }
}
