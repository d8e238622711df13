using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class FieldOfViewCheckTests
{
    [Theory]
    [InlineData(260, 400)]   // a typical lumbar sagittal MR
    [InlineData(207, 164)]   // the shortest SPIDER slice at its stated spacing
    [InlineData(280, 529)]   // the tallest plausible one
    public void A_plausible_lumbar_field_of_view_passes(double width, double height) => Assert.Null(FieldOfViewCheck.Unusual(width, height));

    [Theory]
    [InlineData(147, 112)]   // SPIDER 209_t2 at its overview spacing of 0.286 mm
    [InlineData(730, 661)]   // SPIDER 207_t2 at its overview spacing of 0.625 mm
    [InlineData(650, 400)]   // too wide only
    public void An_implausible_field_of_view_names_its_size_and_the_spacing(double width, double height)
    {
        var why = FieldOfViewCheck.Unusual(width, height);
        Assert.NotNull(why);
        Assert.Contains($"{width:0} x {height:0} mm", why);
        Assert.Contains("check the pixel spacing", why);
    }

    [Theory]
    [InlineData(512, 512, 1, 0.5, 0.5, 1.0)]        // an ordinary slice
    [InlineData(1168, 1058, 1, 0.625, 0.625, 1.0)]  // SPIDER 207_t1 at its stated spacing: 730 x 661 mm, implausible but still segmented
    [InlineData(512, 512, 4000, 0.5, 0.5, 0.25)]    // many thin slices: the stack is 1000 mm, the slice 256 x 256 mm
    public void Images_up_to_twice_the_largest_MR_are_segmented(int i, int j, int k, double si, double sj, double sk) =>
        Assert.Null(FieldOfViewCheck.TooLargeToSegment([i, j, k], [si, sj, sk]));

    [Fact]
    public void An_image_over_1200_mm_is_not_segmented()
    {
        var why = FieldOfViewCheck.TooLargeToSegment([64, 64, 1], [20, 20, 1]);
        Assert.Contains("1280 x 1280 x 1 mm", why);
        Assert.Contains("not segmented", why);
        Assert.NotNull(FieldOfViewCheck.TooLargeToSegment([16000, 16000, 1], [0.6, 0.6, 1])); // 9600 mm: the 1 MB PNG that took 22 GB
    }

    [Fact]
    public void A_slice_over_4096_squared_pixels_is_not_segmented_whatever_its_spacing()
    {
        var why = FieldOfViewCheck.TooLargeToSegment([5000, 5000, 1], [0.1, 0.1, 1]); // 500 x 500 mm but 25 M pixels
        Assert.Contains("5000 x 5000 x 1 pixels", why);
        Assert.Null(FieldOfViewCheck.TooLargeToSegment([4096, 4096, 1], [0.1, 0.1, 1]));
        Assert.NotNull(FieldOfViewCheck.TooLargeToSegment([20, 5000, 5000], [1, 0.1, 0.1])); // whichever two axes form the slice
    }
}
