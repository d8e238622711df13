using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;

namespace DiscScope.Domain.Tests.Reports;

public class LevelReportTests
{
    private static LevelReport At(double confidence) =>
        new(DiscLevel.Parse("L4-L5"), new DiscGrades(), null, new Dictionary<Grading, string>()) { LevelConfidence = confidence };

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.999, true)]   // any level rule that lowered the confidence raises the flag
    [InlineData(0.85, true)]
    [InlineData(0.45, true)]
    public void TheLevelNameIsUncertainBelowFullConfidence(double confidence, bool uncertain) =>
        Assert.Equal(uncertain, At(confidence).LevelNameUncertain);

    [Fact]
    public void AReportWithoutAConfidenceIsCertain() =>
        Assert.False(new LevelReport(DiscLevel.Parse("L5-S1"), new DiscGrades(), null, new Dictionary<Grading, string>()).LevelNameUncertain);
}
