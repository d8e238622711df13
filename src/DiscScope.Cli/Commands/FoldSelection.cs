using System.Globalization;

namespace DiscScope.Cli.Commands;

/// <summary>The `--only-folds` list of a cross-validation command: distinct fold indices from 0 to K - 1, in ascending order.</summary>
public static class FoldSelection
{
    /// <summary>Null when no list is given (every fold); otherwise the indices, or an <see cref="InputException"/> naming what is wrong.</summary>
    public static IReadOnlyList<int>? Parse(string? list, int folds)
    {
        if (list is null) return null;
        var parts = list.Split(',', StringSplitOptions.TrimEntries);
        var indices = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= folds)
                throw new InputException($"--only-folds {list}: '{part}' is not a fold index from 0 to {folds - 1}");
            if (indices.Contains(k)) throw new InputException($"--only-folds {list}: fold {k} is named twice");
            indices.Add(k);
        }
        indices.Sort();
        return indices;
    }
}
