using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class ReferenceConsistencyTests
{
    // Head order: pfirrmann (class = grade - 1), modic, herniation, bulging, narrowing, spondylolisthesis, endplate upper, lower.
    private static int[] Truth(int grade, bool narrowing) => [grade - 1, 0, 0, 0, narrowing ? 1 : 0, 0, 0, 0];

    [Theory]
    [InlineData(1, true, ReferenceConsistency.LowGradeWithNarrowing)]
    [InlineData(2, true, ReferenceConsistency.LowGradeWithNarrowing)]
    [InlineData(5, false, ReferenceConsistency.GradeFiveWithoutNarrowing)]
    public void Self_contradicting_references_are_named(int grade, bool narrowing, string rule) =>
        Assert.Equal([rule], ReferenceConsistency.Violations(Truth(grade, narrowing)));

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Consistent_references_break_no_rule(int grade, bool narrowing) =>
        Assert.Empty(ReferenceConsistency.Violations(Truth(grade, narrowing)));

    [Fact]
    public void A_reference_without_all_heads_is_refused() =>
        Assert.Throws<ArgumentException>(() => ReferenceConsistency.Violations([0, 0]));
}
