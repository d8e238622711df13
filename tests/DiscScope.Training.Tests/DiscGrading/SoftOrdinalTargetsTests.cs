using DiscScope.Training.DiscGrading;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class SoftOrdinalTargetsTests
{
    [Fact]
    public void Targets_are_a_normalised_gaussian_around_the_grade()
    {
        var q = SoftOrdinalTargets.Of(2, 5, 0.6);
        Assert.Equal(1, q.Sum(), 6);
        // exp(-1 / 0.72) = 0.2494 and exp(-4 / 0.72) = 0.00387 relative to the centre.
        var z = 1 + 2 * Math.Exp(-1 / 0.72) + 2 * Math.Exp(-4 / 0.72);
        Assert.Equal(1 / z, q[2], 6);
        Assert.Equal(Math.Exp(-1 / 0.72) / z, q[1], 6);
        Assert.Equal(q[1], q[3], 7);
        Assert.Equal(q[0], q[4], 7);
        var edge = SoftOrdinalTargets.Of(0, 5, 0.6);
        Assert.True(edge[0] > q[2]); // one neighbour only: more mass on the grade itself
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftOrdinalTargets.Of(5, 5, 0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftOrdinalTargets.Of(1, 5, 0));
    }

    [Fact]
    public void A_narrow_width_is_torchs_weighted_cross_entropy_and_ignored_labels_are_left_out()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(2);
        var logits = randn(5, 5);
        float[] w = [1, 2, 0.5f, 1, 3];
        long[] labels = [0, 4, 2, -100, 3];
        var soft = SoftOrdinalTargets.Loss(logits, labels, w, 0.05).item<float>();
        var hard = nn.functional.cross_entropy(logits, tensor(labels), tensor(w)).item<float>();
        Assert.Equal(hard, soft, 4);
        var wide = SoftOrdinalTargets.Loss(logits, labels, w, 1.0).item<float>();
        Assert.NotEqual(hard, wide, 3);
        Assert.Equal(0, SoftOrdinalTargets.Loss(logits, [-100, -100, -100, -100, -100], w, 0.6).item<float>());
    }
}
