namespace DiscScope.Cli.Commands;

/// <summary>Replaces (or appends) a generated section of a markdown model card between &lt;!-- name:begin --&gt; and &lt;!-- name:end --&gt; markers.</summary>
public static class ModelCardSection
{
    /// <summary>The card a command's <c>--card</c> names, or null for none: no option, "none", or "-" (the latter must be written
    /// <c>--card=-</c>: the parser reads a lone "-" as an option). No command writes a card file called "none".</summary>
    public static string? Target(string? card) => card is null || card.Trim() is "-" or "none" or "" ? null : card;

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

    /// <summary>Writes <paramref name="markdown"/> as the whole card, keeping the generated sections (marker blocks) of the card it replaces,
    /// so regenerating the main card does not drop what other commands wrote into it (e.g. the measurement fusion).</summary>
    public static void Rewrite(string cardPath, string markdown)
    {
        var kept = new List<(string Name, string Body)>();
        if (File.Exists(cardPath))
        {
            var old = File.ReadAllText(cardPath);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(old, @"<!-- ([\w-]+):begin -->\n(.*?)\n<!-- \1:end -->", System.Text.RegularExpressions.RegexOptions.Singleline))
                kept.Add((m.Groups[1].Value, m.Groups[2].Value));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cardPath))!);
        File.WriteAllText(cardPath, markdown);
        foreach (var (name, body) in kept) Write(cardPath, name, body);
    }
}
