namespace DiscScope.Analysis.Mri;

/// <summary>Options of <see cref="SpineParser"/>.</summary>
public sealed record SpineParseOptions
{
    public static SpineParseOptions Default { get; } = new();

    /// <summary>Level-assignment thresholds.</summary>
    public LevelAssignmentOptions Levels { get; init; } = LevelAssignmentOptions.Default;

    /// <summary>How many slices either side of the best mid-sagittal candidate are tried for level naming.</summary>
    public int MidSagittalSearch { get; init; } = 2;
}
