namespace DiscScope.Cli.Commands;

/// <summary>Replaces (or appends) a generated section of a markdown model card between &lt;!-- name:begin --&gt; and &lt;!-- name:end --&gt; markers.</summary>
internal static class ModelCardSection
{
    public static void Write(string cardPath, string name, string markdown)
    {
        var begin = $"<!-- {name}:begin -->"; var end = $"<!-- {name}:end -->";
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var text = File.Exists(cardPath) ? File.ReadAllText(cardPath) : "";
        var i = text.IndexOf(begin, StringComparison.Ordinal); var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i ? text[..i] + block + text[(j + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cardPath))!);
        File.WriteAllText(cardPath, text);
    }
}
