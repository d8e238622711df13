namespace DiscScope.Evaluation;

/// <summary>
/// One operating point of a ROC curve: a sample is called positive when its score is ≥ <paramref name="Threshold"/>
/// (scikit-learn roc_curve convention).
/// </summary>
/// <param name="Threshold">Score threshold, in the units of the scores (usually a probability).</param>
/// <param name="FalsePositiveRate">FP / (FP + TN) = 1 − specificity.</param>
/// <param name="TruePositiveRate">TP / (TP + FN) = sensitivity.</param>
public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate)
{
    /// <summary>Youden's J = sensitivity + specificity − 1 = TPR − FPR.</summary>
    public double YoudenJ => TruePositiveRate - FalsePositiveRate;
}
