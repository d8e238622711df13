using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public sealed class GradingLevelInputTests
{
    [Theory]
    [InlineData(1, 0)] // L5-S1
    [InlineData(5, 4)] // L1-L2
    [InlineData(6, 5)] // T12-L1
    [InlineData(9, 5)] // higher thoracic discs share the last slot
    public void One_hot_marks_the_slot_of_the_level(int ivd, int slot)
    {
        var v = GradingLevelInput.OneHot(ivd);
        Assert.Equal(6, v.Length);
        Assert.Equal(1f, v[slot]);
        Assert.Equal(1f, v.Sum());
    }

    [Fact]
    public void Stack_is_row_major_and_a_label_below_one_is_refused()
    {
        Assert.Equal([0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], GradingLevelInput.Stack([2, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradingLevelInput.OneHot(0));
    }
}
