using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public sealed class GradingTaskTests
{
    private static GradingTask Task(string head) => GradingTask.All.Single(t => t.HeadName == head);

    [Fact]
    public void Pfirrmann_reports_the_median_grade_not_the_most_probable_one()
    {
        // Most probable: grade 1 (0.40); cumulative 0.40, 0.65 -> the median is grade 2 (class 1).
        Assert.Equal(1, Task("pfirrmann").Decide([0.40, 0.25, 0.05, 0.15, 0.15]));
        Assert.Equal(4, Task("pfirrmann").Decide([0.1, 0.1, 0.1, 0.1, 0.6]));
        Assert.Equal(2, Task("pfirrmann").Decide([0.0, 0.0, 1.0, 0.0, 0.0]));
    }

    [Fact]
    public void Other_gradings_report_the_most_probable_class()
    {
        Assert.Equal(0, Task("modic").Decide([0.40, 0.25, 0.05, 0.30]));
        Assert.Equal(1, Task("herniation").Decide([0.3, 0.7]));
        Assert.Throws<ArgumentException>(() => Task("herniation").Decide([0.3, 0.3, 0.4]));
    }

    [Fact]
    public void HeadsAreFoundByName()
    {
        Assert.Equal(0, GradingTask.IndexOf("pfirrmann"));
        Assert.Equal("endplate_lower", GradingTask.All[GradingTask.IndexOf("endplate_lower")].HeadName);
        Assert.Contains("known: pfirrmann, modic", Assert.Throws<ArgumentException>(() => GradingTask.IndexOf("disc_height")).Message);
    }
}
