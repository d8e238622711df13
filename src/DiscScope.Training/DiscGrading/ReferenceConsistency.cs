using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Checks of one disc's reference gradings against each other, from the definitions alone (no prediction involved): Pfirrmann grades I
/// and II have a normal disc height, so a reference of grade 1-2 with disc narrowing contradicts itself; grade V is a collapsed disc
/// space, so grade 5 without narrowing does too (Pfirrmann et al., Spine 2001). Pure.
/// </summary>
public static class ReferenceConsistency
{
    public const string LowGradeWithNarrowing = "pfirrmann_1_2_with_narrowing";
    public const string GradeFiveWithoutNarrowing = "pfirrmann_5_without_narrowing";

    /// <summary>The rules in the order they are reported.</summary>
    public static IReadOnlyList<string> Rules { get; } = [LowGradeWithNarrowing, GradeFiveWithoutNarrowing];

    private static readonly int Pfirrmann = GradingTask.IndexOf("pfirrmann"), Narrowing = GradingTask.IndexOf("narrowing");

    /// <summary>The rules the reference classes (<see cref="GradingTask.All"/> order; Pfirrmann class = grade − 1) break; empty when none.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<int> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Count != GradingTask.All.Count) throw new ArgumentException($"{truth.Count} reference classes, expected {GradingTask.All.Count}", nameof(truth));
        var grade = truth[Pfirrmann] + 1; var narrowed = truth[Narrowing] == 1;
        var broken = new List<string>();
        if (grade <= 2 && narrowed) broken.Add(LowGradeWithNarrowing);
        if (grade == 5 && !narrowed) broken.Add(GradeFiveWithoutNarrowing);
        return broken;
    }
}
