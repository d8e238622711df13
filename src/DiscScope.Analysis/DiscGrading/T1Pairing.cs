namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Decides whether a T1 series' discs can be paired with the T2 series' discs by level name. The two are separate acquisitions parsed
/// independently; when their parses disagree on which levels are present (a disc missed or an extra one found in one of them), the same
/// name may point at different discs, and a T1 crop of the wrong disc would mislead the Modic and endplate heads. Then T1 is not used.
/// </summary>
public static class T1Pairing
{
    /// <summary>Null when the level sets agree; otherwise the reason T1 is not used.</summary>
    public static string? Mismatch(IReadOnlyCollection<int> t2IvdLabels, IReadOnlyCollection<int> t1IvdLabels)
    {
        ArgumentNullException.ThrowIfNull(t2IvdLabels);
        ArgumentNullException.ThrowIfNull(t1IvdLabels);
        if (t1IvdLabels.Count == 0) return "no disc found on T1";
        if (t2IvdLabels.Count == t1IvdLabels.Count && t2IvdLabels.All(t1IvdLabels.Contains)) return null;
        return $"T1 and T2 disagree on the levels present ({t1IvdLabels.Count} discs on T1, {t2IvdLabels.Count} on T2): T1 levels cannot be paired safely";
    }
}
