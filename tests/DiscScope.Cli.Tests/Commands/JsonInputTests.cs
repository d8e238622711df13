using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

public class JsonInputTests
{
    [Theory]
    [InlineData("{\"a\": [1, 2")]
    [InlineData("")]
    [InlineData("not json")]
    public void AFileThatDoesNotParseIsAnInputErrorNamingIt(string text)
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("x.json"), text);
        Assert.Contains("x.json: not valid JSON", Assert.Throws<InputException>(() => JsonInput.Node(tmp.File("x.json"))).Message);
        Assert.Contains("x.json: not valid JSON", Assert.Throws<InputException>(() => JsonInput.Document(tmp.File("x.json"))).Message);
    }

    [Fact]
    public void AJsonNullIsRefusedAndAnObjectIsRead()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("n.json"), "null");
        Assert.Throws<InputException>(() => JsonInput.Node(tmp.File("n.json")));
        File.WriteAllText(tmp.File("o.json"), "{\"seed\": 42}");
        Assert.Equal(42, JsonInput.Node(tmp.File("o.json"))["seed"]!.GetValue<int>());
        using var doc = JsonInput.Document(tmp.File("o.json"));
        Assert.Equal(42, doc.RootElement.GetProperty("seed").GetInt32());
    }
}
