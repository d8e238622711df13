using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiscScope.Cli.Commands;

/// <summary>Reads a JSON file a command was given; a file that does not parse is an <see cref="InputException"/> naming it.</summary>
public static class JsonInput
{
    /// <summary>The file's root as a mutable node (never null: a JSON <c>null</c> is refused).</summary>
    public static JsonNode Node(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InputException($"{path}: the JSON is null");
        }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})"); }
    }

    /// <summary>The file as a read-only document (dispose it).</summary>
    public static JsonDocument Document(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e) { throw new InputException($"{path}: not valid JSON ({e.Message})"); }
    }
}
