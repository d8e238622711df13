namespace DiscScope.Domain.Reports;

/// <summary>A present/absent finding with the calibrated probability of "present"; <see cref="Uncertain"/> = review.</summary>
public sealed record BinaryFinding(bool Present, double Probability, bool Uncertain);
