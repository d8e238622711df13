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
}
