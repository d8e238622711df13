using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class DiscCropperTests
{
    private static readonly DiscCropOptions Crop = new() { Width = 40, Height = 20, SpacingMm = 0.5 };

    /// <summary>A 1 mm slice with a bright 4 mm band along a line through (50, 50) mm at <paramref name="angleDeg"/> to the x axis.</summary>
    private static float[] Band(double angleDeg, out double nx, out double ny)
    {
        var a = angleDeg * Math.PI / 180; nx = -Math.Sin(a); ny = Math.Cos(a);
        var img = new float[100 * 100];
        for (var y = 0; y < 100; y++)
            for (var x = 0; x < 100; x++)
                if (Math.Abs((x - 50) * nx + (y - 50) * ny) <= 2) img[y * 100 + x] = 1;
        return img;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-35)]
    public void CropTurnsTheDiscHorizontalAndCentresIt(double angle)
    {
        var img = Band(angle, out var nx, out var ny);
        var c = DiscCropper.Crop(img, 100, 100, 1, 1, 50, 50, nx, ny, Crop);
        // Bilinear samples read pixels up to sqrt(2) px (mm) away: rows within 0.5 mm of the centre line read only band pixels
        // (0.5 + 1.41 < 2), rows beyond 3.5 mm only background (3.5 - 1.41 > 2), along the whole crop width.
        for (var r = 0; r < Crop.Height; r++)
        {
            var t = (r - (Crop.Height - 1) / 2.0) * Crop.SpacingMm;
            for (var col = 0; col < Crop.Width; col++)
            {
                var v = c[r * Crop.Width + col];
                if (Math.Abs(t) <= 0.5) Assert.True(v > 0.99, $"angle {angle}: inside the band at row {r}, col {col}: {v}");
                if (Math.Abs(t) >= 3.5) Assert.True(v < 0.01, $"angle {angle}: outside the band at row {r}, col {col}: {v}");
            }
        }
    }

    [Fact]
    public void NormalSignDoesNotMatterAndOutsideIsZero()
    {
        var img = Band(10, out var nx, out var ny);
        Assert.Equal(DiscCropper.Crop(img, 100, 100, 1, 1, 50, 50, nx, ny, Crop), DiscCropper.Crop(img, 100, 100, 1, 1, 50, 50, -nx, -ny, Crop));
        var edge = DiscCropper.Crop(img, 100, 100, 1, 1, 0, 0, 0, 1, Crop);
        Assert.Equal(0f, edge[0]); // top-left of a crop centred on the image corner lies outside the slice
    }

    [Fact]
    public void RejectsAZeroNormal() => Assert.Throws<ArgumentException>(() => DiscCropper.Crop(new float[4], 2, 2, 1, 1, 1, 1, 0, 0, Crop));
}
