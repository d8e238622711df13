using DiscScope.Domain.Reports;

namespace DiscScope.Reporting;

/// <summary>Names of the gradings in every output: the snake_case key of "discscope.report/1" and a human title.</summary>
public static class GradingNames
{
    public static string Key(Grading g) => g switch
    {
        Grading.Pfirrmann => "pfirrmann",
        Grading.Modic => "modic",
        Grading.Herniation => "herniation",
        Grading.Bulging => "bulging",
        Grading.Narrowing => "narrowing",
        Grading.Spondylolisthesis => "spondylolisthesis",
        Grading.EndplateUpper => "endplate_upper",
        Grading.EndplateLower => "endplate_lower",
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, null),
    };

    public static string Title(Grading g) => g switch
    {
        Grading.Pfirrmann => "Pfirrmann grade",
        Grading.Modic => "Modic type",
        Grading.Herniation => "Herniation",
        Grading.Bulging => "Bulging",
        Grading.Narrowing => "Disc narrowing",
        Grading.Spondylolisthesis => "Spondylolisthesis",
        Grading.EndplateUpper => "Upper endplate defect",
        Grading.EndplateLower => "Lower endplate defect",
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, null),
    };

    public static Grading Parse(string key) =>
        Enum.GetValues<Grading>().FirstOrDefault(g => Key(g) == key, (Grading)(-1)) is var g && Enum.IsDefined(g)
            ? g : throw new FormatException($"not a grading: '{key}'");

    /// <summary>The binary findings in report order (all gradings but Pfirrmann and Modic).</summary>
    public static readonly IReadOnlyList<Grading> Binary =
        [Grading.Herniation, Grading.Bulging, Grading.Narrowing, Grading.Spondylolisthesis, Grading.EndplateUpper, Grading.EndplateLower];

    public static BinaryFinding? Finding(DiscGrades d, Grading g) => g switch
    {
        Grading.Herniation => d.Herniation,
        Grading.Bulging => d.Bulging,
        Grading.Narrowing => d.Narrowing,
        Grading.Spondylolisthesis => d.Spondylolisthesis,
        Grading.EndplateUpper => d.EndplateUpper,
        Grading.EndplateLower => d.EndplateLower,
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, "not a binary finding"),
    };

    /// <summary>True when any grade of the level is flagged for review (uncertain), or its level name is uncertain.</summary>
    public static bool NeedsReview(LevelReport l) =>
        l.LevelNameUncertain
        || l.Grades.Pfirrmann?.Uncertain == true || l.Grades.Modic?.Uncertain == true
        || Binary.Any(g => Finding(l.Grades, g)?.Uncertain == true);
}
