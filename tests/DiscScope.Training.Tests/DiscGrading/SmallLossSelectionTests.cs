using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class SmallLossSelectionTests
{
    [Fact]
    public void The_share_ramps_up_linearly_then_stays()
    {
        Assert.Equal(0.01, SmallLossSelection.ShareAt(0.1, 1), 12);
        Assert.Equal(0.05, SmallLossSelection.ShareAt(0.1, 5), 12);
        Assert.Equal(0.1, SmallLossSelection.ShareAt(0.1, SmallLossSelection.RampEpochs), 12);
        Assert.Equal(0.1, SmallLossSelection.ShareAt(0.1, 60), 12);
        Assert.Equal(0, SmallLossSelection.ShareAt(0, 60));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallLossSelection.ShareAt(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallLossSelection.ShareAt(0.1, 0));
    }

    [Fact]
    public void The_highest_losses_among_known_targets_are_ignored()
    {
        float[] losses = [0.1f, 3.0f, 0.5f, 9.0f, 2.0f, 0.2f, 7.0f, 1.0f, 0.3f, 0.4f, 0.6f];
        long[] labels = [0, 1, 2, 3, 4, -100, 0, 1, 2, 3, 4];
        // 10 known targets: a share of 0.25 sets floor(2.5) = 2 aside, the two highest known losses (9.0 at 3, 7.0 at 6).
        var kept = SmallLossSelection.Truncate(losses, labels, 0.25, -100);
        Assert.Equal([0, 1, 2, -100, 4, -100, -100, 1, 2, 3, 4], kept);
        Assert.Equal(3, labels[3]); // the input is left alone
        // The already ignored disc (loss 0.2) is never counted, whatever its loss.
        losses[5] = 100f;
        Assert.Equal(kept, SmallLossSelection.Truncate(losses, labels, 0.25, -100));
    }

    [Fact]
    public void A_share_too_small_for_one_disc_ignores_nothing_and_ties_keep_the_later_disc()
    {
        long[] labels = [1, 2, 3, 4];
        Assert.Equal(labels, SmallLossSelection.Truncate([1f, 2f, 3f, 4f], labels, 0.2, -100));
        Assert.Equal([-100, 2, 3, 4], SmallLossSelection.Truncate([5f, 1f, 5f, 2f], labels, 0.25, -100));
        Assert.Equal([1, 2, -100, 4], SmallLossSelection.Truncate([1f, 1f, float.NaN, 2f], labels, 0.25, -100));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SmallLossSelection.Truncate([1f], [0, 1], 0.1, -100));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallLossSelection.Truncate([1f], [0], -0.1, -100));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallLossSelection.Truncate([1f], [0], 0.1, 0));
    }
}
