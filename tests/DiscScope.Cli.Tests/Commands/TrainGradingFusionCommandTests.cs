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
}
