using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class TestTimeShiftsTests
{
    [Fact]
    public void NoneGradesTheCropAsCut()
    {
        Assert.Equal([(0, 0)], TestTimeShifts.None.Offsets);
        Assert.Equal("none", TestTimeShifts.None.ToString());
    }

    [Fact]
    public void CrossHoldsTheCropAndFourSymmetricShifts()
    {
        var c = TestTimeShifts.Cross(2);
        Assert.Equal(5, c.Count);
        Assert.Equal(new HashSet<(int, int)> { (0, 0), (-2, 0), (2, 0), (0, -2), (0, 2) }, c.Offsets.ToHashSet());
        Assert.Equal("5 copies: (0,0) (-2,0) (2,0) (0,-2) (0,2) px", c.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void CrossNeedsAPositiveShift(int px) => Assert.Throws<ArgumentOutOfRangeException>(() => TestTimeShifts.Cross(px));

    [Fact]
    public void T1DroppedGradesTheCropWithAndWithoutItsT1()
    {
        var t = TestTimeShifts.T1Dropped;
        Assert.Equal([(0, 0, false), (0, 0, true)], t.Views);
        Assert.Equal(2, t.Count);
        Assert.Equal("2 copies: (0,0) px, each with and without T1", t.ToString());
    }

    [Fact]
    public void ShiftsWithoutT1DoubleEveryShiftedCopy()
    {
        var t = TestTimeShifts.Cross(1) with { WithoutT1 = true };
        Assert.Equal(10, t.Count);
        Assert.Equal(5, t.Views.Count(v => v.DropT1));
        Assert.Equal(t.Offsets.ToHashSet(), t.Views.Where(v => v.DropT1).Select(v => (v.Dx, v.Dy)).ToHashSet());
        Assert.Equal([(0, 0, false)], TestTimeShifts.None.Views);
    }
}
