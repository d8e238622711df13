using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class CropShiftTests
{
    // Two 3 x 4 planes holding 1..12 and 101..112 row by row.
    private static readonly float[] Crop = [.. Enumerable.Range(1, 12).Select(v => (float)v), .. Enumerable.Range(101, 12).Select(v => (float)v)];

    [Fact]
    public void MovesEveryPlaneRightAndUpWithZeroFill()
    {
        var s = CropShift.Shift(Crop, 2, 3, 4, dx: 1, dy: -1);
        float[] expected =
        [
            0, 5, 6, 7,
            0, 9, 10, 11,
            0, 0, 0, 0,
            0, 105, 106, 107,
            0, 109, 110, 111,
            0, 0, 0, 0,
        ];
        Assert.Equal(expected, s);
    }

    [Fact]
    public void MovesLeftAndDown()
    {
        var s = CropShift.Shift(Crop, 2, 3, 4, dx: -2, dy: 1);
        float[] expected =
        [
            0, 0, 0, 0,
            3, 4, 0, 0,
            7, 8, 0, 0,
            0, 0, 0, 0,
            103, 104, 0, 0,
            107, 108, 0, 0,
        ];
        Assert.Equal(expected, s);
    }

    [Fact]
    public void ZeroShiftIsACopy()
    {
        var s = CropShift.Shift(Crop, 2, 3, 4, 0, 0);
        Assert.Equal(Crop, s);
        Assert.NotSame(Crop, s);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(-5, 0)]
    [InlineData(0, 3)]
    [InlineData(0, -7)]
    public void ShiftingPastTheEdgeLeavesZeros(int dx, int dy) => Assert.All(CropShift.Shift(Crop, 2, 3, 4, dx, dy), v => Assert.Equal(0f, v));

    [Fact]
    public void RejectsAMismatchedLength() => Assert.Throws<ArgumentException>(() => CropShift.Shift(Crop, 2, 3, 5, 1, 0));
}
