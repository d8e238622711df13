using DiscScope.Cli;
using DiscScope.Cli.Commands;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`--only-folds`: no list means every fold; a list gives distinct indices in order; anything else is a bad input.</summary>
public class FoldSelectionTests
{
    [Fact]
    public void No_list_means_every_fold() => Assert.Null(FoldSelection.Parse(null, 5));

    [Fact]
    public void A_list_gives_its_indices_in_ascending_order() => Assert.Equal([0, 2, 4], FoldSelection.Parse("4, 0,2", 5));

    [Theory]
    [InlineData("5", "'5' is not a fold index from 0 to 4")]
    [InlineData("-1", "'-1' is not a fold index from 0 to 4")]
    [InlineData("1,,2", "'' is not a fold index from 0 to 4")]
    [InlineData("one", "'one' is not a fold index from 0 to 4")]
    [InlineData("1,3,1", "fold 1 is named twice")]
    public void A_bad_list_is_refused_with_the_reason(string list, string reason)
    {
        var e = Assert.Throws<InputException>(() => FoldSelection.Parse(list, 5));
        Assert.Contains(reason, e.Message);
    }
}
