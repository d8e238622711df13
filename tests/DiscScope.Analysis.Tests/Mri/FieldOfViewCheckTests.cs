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
}
