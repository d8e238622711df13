using System.Globalization;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// T1 or T2 weighting from a spin-echo series' echo time (TE) and repetition time (TR), the textbook rule: T1-weighted is short TE and
/// short TR, T2-weighted is long TE. The cut-offs leave a gap on both sides of the usual settings (lumbar T1 TSE: TE 7-14 ms, TR 450-750 ms;
/// T2 TSE and T2-SPACE: TE 80-124 ms, TR 1000-5600 ms in SPIDER's 350 series, all of which the rule names right).
/// </summary>
public static class MrWeightingRule
{
    /// <summary>Longest echo time (ms) of a T1-weighted series.</summary>
    public const double T1MaxEchoMs = 30;
    /// <summary>Repetition time (ms) that a T1-weighted series stays below.</summary>
    public const double T1MaxRepetitionMs = 1200;
    /// <summary>Shortest echo time (ms) of a T2-weighted series.</summary>
    public const double T2MinEchoMs = 60;

    /// <summary>The weighting that <paramref name="echoTimeMs"/> and <paramref name="repetitionTimeMs"/> imply; <see cref="MrWeighting.Unknown"/>
    /// when either is missing, not finite or not positive, or the pair lies between the two rules.</summary>
    public static MrWeighting Classify(double? echoTimeMs, double? repetitionTimeMs)
    {
        if (echoTimeMs is not { } te || repetitionTimeMs is not { } tr || !double.IsFinite(te) || !double.IsFinite(tr) || te <= 0 || tr <= 0)
            return MrWeighting.Unknown;
        if (te <= T1MaxEchoMs && tr < T1MaxRepetitionMs) return MrWeighting.T1;
        if (te >= T2MinEchoMs) return MrWeighting.T2;
        return MrWeighting.Unknown;
    }

    /// <summary>"TE 12 ms, TR 600 ms" for messages (a missing value reads "?").</summary>
    public static string Describe(double? echoTimeMs, double? repetitionTimeMs) =>
        $"TE {Ms(echoTimeMs)}, TR {Ms(repetitionTimeMs)}";

    private static string Ms(double? v) => v is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "?";
}
