using DiscScope.Evaluation;

namespace DiscScope.Evaluation.Tests.Classification;

public class FlagSplitTests
{
    [Fact]
    public void CountsFlaggedAndRightPerGroup()
    {
        var s = FlagSplit.Of([(false, true), (false, true), (false, false), (true, false), (true, true), (true, false), (true, false)]);
        Assert.Equal((7, 4), (s.Total, s.Flagged));
        Assert.Equal(2.0 / 3, s.RightUnflagged!.Value, 12);
        Assert.Equal(0.25, s.RightFlagged!.Value, 12);
        Assert.Equal(4.0 / 7, s.FlaggedShare, 12);
    }

    [Fact]
    public void AnEmptyGroupHasNoRate()
    {
        var none = FlagSplit.Of([(false, true), (false, false)]);
        Assert.Equal(0.5, none.RightUnflagged);
        Assert.Null(none.RightFlagged);
        var empty = FlagSplit.Of([]);
        Assert.Equal((0, 0.0), (empty.Total, empty.FlaggedShare));
        Assert.Null(empty.RightUnflagged);
    }
}
