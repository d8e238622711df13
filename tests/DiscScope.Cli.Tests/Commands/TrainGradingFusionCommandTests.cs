using DiscScope.Cli.Commands;

namespace DiscScope.Cli.Tests.Commands;

public class TrainGradingFusionCommandTests
{
    [Fact]
    public void HeadsAreParsedTrimmedAndDeduplicated() =>
        Assert.Equal(["pfirrmann", "narrowing"], TrainGradingFusionCommand.ParseHeads(" pfirrmann, narrowing,,pfirrmann"));

    [Theory]
    [InlineData("pfirrmann,disc_height")]   // not a grading head
    [InlineData(" , ")]
    public void UnknownOrNoHeadsAreRefused(string list) =>
        Assert.Throws<InputException>(() => TrainGradingFusionCommand.ParseHeads(list));

    [Theory]
    [InlineData("cutoffs", true)]
    [InlineData(" Median ", false)]
    public void ThePfirrmannDecisionRuleIsParsed(string rule, bool cutoffs) => Assert.Equal(cutoffs, TrainGradingFusionCommand.UsesCutoffs(rule));

    [Theory]
    [InlineData("argmax")]
    [InlineData("")]
    public void AnUnknownPfirrmannDecisionRuleIsRefused(string rule) => Assert.Throws<InputException>(() => TrainGradingFusionCommand.UsesCutoffs(rule));
}
