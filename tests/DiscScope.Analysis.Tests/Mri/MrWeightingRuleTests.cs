using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.Mri;

public class MrWeightingRuleTests
{
    [Theory]
    [InlineData(10.0, 500.0, MrWeighting.T1)]     // T1 TSE
    [InlineData(30.0, 1199.0, MrWeighting.T1)]    // both limits, inside
    [InlineData(100.0, 3000.0, MrWeighting.T2)]   // T2 TSE
    [InlineData(60.0, 800.0, MrWeighting.T2)]     // long TE decides even at a short TR
    [InlineData(10.0, 2500.0, MrWeighting.Unknown)] // proton density: short TE, long TR
    [InlineData(45.0, 4000.0, MrWeighting.Unknown)] // between the rules
    [InlineData(31.0, 500.0, MrWeighting.Unknown)]
    [InlineData(30.0, 1200.0, MrWeighting.Unknown)]
    [InlineData(null, 500.0, MrWeighting.Unknown)]
    [InlineData(10.0, null, MrWeighting.Unknown)]
    [InlineData(double.NaN, 500.0, MrWeighting.Unknown)]
    [InlineData(-10.0, 500.0, MrWeighting.Unknown)]
    [InlineData(10.0, 0.0, MrWeighting.Unknown)]
    public void Classifies_by_echo_and_repetition_time(double? te, double? tr, MrWeighting expected)
    {
        Assert.Equal(expected, MrWeightingRule.Classify(new MrTiming(te, tr)));
        Assert.Equal(expected, new MrTiming(te, tr, SpinEcho: true).Weighting);
    }

    /// <summary>A gradient echo's contrast also depends on its flip angle: an fMRI EPI (TE 30 ms, TR 500 ms) is T2*-weighted, not T1.</summary>
    [Theory]
    [InlineData(30.0, 500.0)]
    [InlineData(100.0, 3000.0)]
    public void A_gradient_echo_is_not_named(double te, double tr) =>
        Assert.Equal(MrWeighting.Unknown, new MrTiming(te, tr, SpinEcho: false).Weighting);

    [Fact]
    public void Describes_the_timing_for_messages()
    {
        Assert.Equal("TE 13.8 ms, TR ?", new MrTiming(13.837, null).ToString());
        Assert.Equal("TE 30 ms, TR 500 ms, gradient echo", new MrTiming(30, 500, false).ToString());
    }

    /// <summary>SPIDER's overview.csv carries each series' DICOM echo and repetition times; its file names say which sequence the
    /// series is (t1, t2, t2_SPACE). The rule must name every one of them right.</summary>
    [DataFact]
    public void Names_every_SPIDER_series_as_its_file_name_says()
    {
        var overview = SpiderData.Overview(SharedData.Folder!);
        Assert.Equal(350, overview.Count);
        foreach (var s in overview.Values)
        {
            var expected = s.Sequence == "t1" ? MrWeighting.T1 : MrWeighting.T2;
            var got = new MrTiming(s.EchoTimeMs, s.RepetitionTimeMs, SpinEcho: true).Weighting; // every SPIDER series is spin echo (ScanningSequence SE)
            Assert.True(expected == got, $"{s.Name}: TE {s.EchoTimeMs}, TR {s.RepetitionTimeMs} -> {got}");
        }
    }
}
