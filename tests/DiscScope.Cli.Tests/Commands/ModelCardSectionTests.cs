using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

public class ModelCardSectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData("-")]
    [InlineData(" ")]
    public void NoneOrADashWritesNoCard(string? card) => Assert.Null(ModelCardSection.Target(card));

    [Fact]
    public void ACardPathIsKept() => Assert.Equal("models/grading/MODEL_CARD.md", ModelCardSection.Target("models/grading/MODEL_CARD.md"));

    [Fact]
    public void A_section_is_replaced_in_place_and_survives_a_rewrite_of_the_card()
    {
        using var tmp = new TempDir();
        var card = tmp.File("MODEL_CARD.md");
        File.WriteAllText(card, "# Card\n\nold metrics\n");
        ModelCardSection.Write(card, "fusion", "## Fusion\nfirst");
        ModelCardSection.Write(card, "fusion", "## Fusion\nsecond");
        Assert.Equal("# Card\n\nold metrics\n\n<!-- fusion:begin -->\n## Fusion\nsecond\n<!-- fusion:end -->\n", File.ReadAllText(card));

        ModelCardSection.Rewrite(card, "# Card\n\nnew metrics\n");
        var text = File.ReadAllText(card);
        Assert.StartsWith("# Card\n\nnew metrics\n", text);
        Assert.DoesNotContain("old metrics", text);
        Assert.Contains("<!-- fusion:begin -->\n## Fusion\nsecond\n<!-- fusion:end -->", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "fusion:begin"));
    }
}
