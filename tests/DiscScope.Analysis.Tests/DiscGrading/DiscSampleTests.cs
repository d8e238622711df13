using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class DiscSampleTests
{
    [Fact]
    public void WithoutT1ZeroesTheT1ChannelOnlyAndLeavesTheOriginalAlone()
    {
        float[] t2 = [1, 2, 3, 4], t1 = [5, 6, 7, 8];
        var labels = new GradingLabels("7", 2, 3, 1, false, true, false, true, false, false);
        var s = new DiscSample("7", 2, GradingInput.Stack(t2, t1), true, labels);
        var d = s.WithoutT1();
        Assert.False(d.HasT1);
        Assert.Equal([1f, 2, 3, 4, 0, 0, 0, 0], d.Image);
        Assert.Equal(GradingInput.Stack(t2, null), d.Image); // what a patient without T1 gets
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8], s.Image);
        Assert.True(s.HasT1);
        Assert.Equal((s.Patient, s.IvdLabel, s.Labels), (d.Patient, d.IvdLabel, d.Labels));
    }
}
