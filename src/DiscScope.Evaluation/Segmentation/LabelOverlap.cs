namespace DiscScope.Evaluation;

/// <summary>The overlap of one label value (SPIDER convention: vertebrae 1..25, canal 100, discs 200 + k) between two label maps.</summary>
public sealed record LabelOverlap(short Label, OverlapResult Overlap);
