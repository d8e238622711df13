namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// A Pfirrmann decision rule on the expected grade: with class probabilities p (class c = grade c + 1), the score s = Σ c·p_c / Σ p_c
/// lies in 0..4 and the decided class is the number of cutoffs at or below s. Four ascending cutoffs; 0.5, 1.5, 2.5, 3.5 rounds the
/// expected grade. Fitted by `discscope train grading-fusion` to the linear-weighted kappa of out-of-fold predictions and stored in the
/// fusion file; without it, <see cref="GradingTask.Decide"/> (the median) decides. Pure.
/// </summary>
public sealed record PfirrmannCutoffs(double[] Cutoffs)
{
    /// <summary>Number of Pfirrmann classes (grades 1-5).</summary>
    public const int Classes = 5;

    /// <summary>The cutoffs that round the expected grade.</summary>
    public static PfirrmannCutoffs Rounding { get; } = new([0.5, 1.5, 2.5, 3.5]);

    /// <summary>Why these cutoffs cannot be used (wrong count, not finite, outside 0..4 or not strictly ascending), or null when valid.</summary>
    public string? Problem()
    {
        if (Cutoffs is null || Cutoffs.Length != Classes - 1) return $"expected {Classes - 1} cutoffs, got {Cutoffs?.Length ?? 0}";
        for (var i = 0; i < Cutoffs.Length; i++)
        {
            if (!double.IsFinite(Cutoffs[i]) || Cutoffs[i] < 0 || Cutoffs[i] > Classes - 1) return $"cutoff {i + 1} is {Cutoffs[i]}, expected 0-{Classes - 1}";
            if (i > 0 && !(Cutoffs[i] > Cutoffs[i - 1])) return $"cutoffs must ascend strictly ({Cutoffs[i - 1]} then {Cutoffs[i]})";
        }
        return null;
    }

    /// <summary>The expected class index Σ c·p_c / Σ p_c of five class probabilities.</summary>
    public static double ExpectedClass(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != Classes) throw new ArgumentException($"{p.Count} probabilities for {Classes} classes", nameof(p));
        double sum = 0, weighted = 0;
        for (var c = 0; c < Classes; c++)
        {
            if (!double.IsFinite(p[c]) || p[c] < 0) throw new ArgumentException($"probability {c} is {p[c]}", nameof(p));
            sum += p[c]; weighted += c * p[c];
        }
        if (!(sum > 0)) throw new ArgumentException("the probabilities sum to zero", nameof(p));
        return weighted / sum;
    }

    /// <summary>The decided class (0-4) for an expected class <paramref name="score"/>.</summary>
    public int DecideScore(double score)
    {
        var c = 0;
        foreach (var t in Cutoffs) if (score >= t) c++;
        return c;
    }

    /// <summary>The decided class (0-4; grade = class + 1) for five class probabilities.</summary>
    public int Decide(IReadOnlyList<double> p) => DecideScore(ExpectedClass(p));
}
