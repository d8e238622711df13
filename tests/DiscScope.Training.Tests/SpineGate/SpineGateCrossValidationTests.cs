using DiscScope.Training.SpineGate;

namespace DiscScope.Training.Tests.SpineGate;

public sealed class SpineGateCrossValidationTests
{
    /// <summary>FNV-1a 32-bit of the UTF-8 name (values from a Python implementation of the published algorithm): a group's fold never
    /// changes between runs, machines or .NET versions (string.GetHashCode would).</summary>
    [Theory]
    [InlineData("spider:1", 5, 3015742853u % 5)]
    [InlineData("aasce:x", 5, 2627117898u % 5)]
    [InlineData("a", 5, 3826002220u % 5)]
    [InlineData("a", 7, 3826002220u % 7)]
    public void Folds_come_from_a_stable_hash_of_the_group(string group, int folds, uint expected) =>
        Assert.Equal((int)expected, SpineGateCrossValidation.FoldOf(group, folds));

    [Fact]
    public void Fewer_than_two_folds_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpineGateCrossValidation.FoldOf("a", 1));
}
