namespace DiscScope.Evaluation;

/// <summary>Disagreement weights of Cohen's kappa over class indices i, j (scikit-learn cohen_kappa_score weights=).</summary>
public enum KappaWeighting
{
    /// <summary>w = 0 on the diagonal, 1 elsewhere: Cohen 1960 (weights=None).</summary>
    Unweighted,

    /// <summary>w = |i − j|: linear weights (weights="linear").</summary>
    Linear,

    /// <summary>w = (i − j)²: quadratic weights, Cohen 1968 (weights="quadratic"), the usual choice for ordinal grades.</summary>
    Quadratic,
}
