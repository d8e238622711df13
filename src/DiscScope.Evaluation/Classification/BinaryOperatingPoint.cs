namespace DiscScope.Evaluation;

/// <summary>Counts of a binary classifier at one threshold (positive when score ≥ <paramref name="Threshold"/>) and the rates derived from them.</summary>
public sealed record BinaryOperatingPoint(double Threshold, long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>Sensitivity (recall, TPR) TP / (TP + FN); null when there is no positive reference sample.</summary>
    public double? Sensitivity => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Specificity (TNR) TN / (TN + FP); null when there is no negative reference sample.</summary>
    public double? Specificity => TrueNegatives + FalsePositives == 0 ? null : (double)TrueNegatives / (TrueNegatives + FalsePositives);

    /// <summary>Positive predictive value TP / (TP + FP); null when nothing is called positive.</summary>
    public double? PositivePredictiveValue => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Negative predictive value TN / (TN + FN); null when nothing is called negative.</summary>
    public double? NegativePredictiveValue => TrueNegatives + FalseNegatives == 0 ? null : (double)TrueNegatives / (TrueNegatives + FalseNegatives);
}
