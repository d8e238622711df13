namespace DiscScope.Domain.Reports;

/// <summary>The per-disc gradings DiscScope learns from SPIDER, in report order.</summary>
public enum Grading { Pfirrmann, Modic, Herniation, Bulging, Narrowing, Spondylolisthesis, EndplateUpper, EndplateLower }
