namespace DiscScope.Domain.Reports;

/// <summary>Gradings of one disc. Pfirrmann's Value is 1..5, Modic's 0..3; each may be absent when it could not be assessed.</summary>
public sealed record DiscGrades
{
    public OrdinalGrade? Pfirrmann { get; init; }
    public OrdinalGrade? Modic { get; init; }
    public BinaryFinding? Herniation { get; init; }
    public BinaryFinding? Bulging { get; init; }
    public BinaryFinding? Narrowing { get; init; }
    public BinaryFinding? Spondylolisthesis { get; init; }
    public BinaryFinding? EndplateUpper { get; init; }
    public BinaryFinding? EndplateLower { get; init; }
}
