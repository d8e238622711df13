using GradingKind = DiscScope.Domain.Reports.Grading;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>One head of the grading network: its <see cref="GradingKind"/>, ONNX head name, class count, and how to read its label (class id) from SPIDER.</summary>
public sealed record GradingTask(GradingKind Grading, string HeadName, int Classes, Func<GradingLabels, int> Label)
{
    /// <summary>The eight gradings in head order. Pfirrmann class c = grade c + 1; Modic class = type.</summary>
    public static IReadOnlyList<GradingTask> All { get; } =
    [
        new(GradingKind.Pfirrmann, "pfirrmann", 5, g => g.Pfirrmann - 1),
        new(GradingKind.Modic, "modic", 4, g => g.Modic),
        new(GradingKind.Herniation, "herniation", 2, g => g.Herniation ? 1 : 0),
        new(GradingKind.Bulging, "bulging", 2, g => g.Bulging ? 1 : 0),
        new(GradingKind.Narrowing, "narrowing", 2, g => g.Narrowing ? 1 : 0),
        new(GradingKind.Spondylolisthesis, "spondylolisthesis", 2, g => g.Spondylolisthesis ? 1 : 0),
        new(GradingKind.EndplateUpper, "endplate_upper", 2, g => g.EndplateUpper ? 1 : 0),
        new(GradingKind.EndplateLower, "endplate_lower", 2, g => g.EndplateLower ? 1 : 0),
    ];

    public bool IsBinary => Classes == 2;

    /// <summary>The position in <see cref="All"/> of the head named <paramref name="head"/>; an unknown name is an ArgumentException.</summary>
    public static int IndexOf(string head)
    {
        for (var h = 0; h < All.Count; h++) if (All[h].HeadName == head) return h;
        throw new ArgumentException($"unknown grading head '{head}' (known: {string.Join(", ", All.Select(t => t.HeadName))})", nameof(head));
    }

    /// <summary>
    /// The class reported for class probabilities <paramref name="p"/>. Pfirrmann is an ordinal scale: its grade is the median of the
    /// distribution (the lowest grade whose cumulative probability reaches 0.5), which minimises the expected distance to the true grade;
    /// the other gradings take the most probable class. A fusion with <see cref="PfirrmannCutoffs"/> decides the fused Pfirrmann grade by
    /// those instead (<see cref="GradingFusion.Decide"/>).
    /// </summary>
    public int Decide(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != Classes) throw new ArgumentException($"{p.Count} probabilities for {Classes} classes", nameof(p));
        if (Grading == GradingKind.Pfirrmann)
        {
            var total = p.Sum(); var cumulative = 0.0;
            for (var c = 0; c < Classes; c++) { cumulative += p[c]; if (cumulative >= 0.5 * total) return c; }
            return Classes - 1;
        }
        var best = 0;
        for (var c = 1; c < Classes; c++) if (p[c] > p[best]) best = c;
        return best;
    }
}
