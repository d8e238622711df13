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
    public void Classifies_by_echo_and_repetition_time(double? te, double? tr, MrWeighting expected) =>
        Assert.Equal(expected, MrWeightingRule.Classify(te, tr));

    [Fact]
    public void Describes_the_timing_for_messages() =>
        Assert.Equal("TE 13.8 ms, TR ?", MrWeightingRule.Describe(13.837, null));

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
            var got = MrWeightingRule.Classify(s.EchoTimeMs, s.RepetitionTimeMs);
            Assert.True(expected == got, $"{s.Name}: TE {s.EchoTimeMs}, TR {s.RepetitionTimeMs} -> {got}");
        }
    }
}
