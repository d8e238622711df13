namespace DiscScope.Analysis.Mri;

/// <summary>
/// T1 or T2 weighting from a spin-echo series' echo time (TE) and repetition time (TR), the textbook rule: T1-weighted is short TE and
/// short TR, T2-weighted is long TE. The cut-offs leave a gap on both sides of the usual settings (lumbar T1 TSE: TE 7-14 ms, TR 450-750 ms;
/// T2 TSE and T2-SPACE: TE 80-124 ms, TR 1000-5600 ms in SPIDER's 350 series, all spin echo, all of which the rule names right). A gradient
/// echo series is not named: its contrast depends on the flip angle too (an EPI with TE 30 ms and TR 500 ms is T2*-weighted, not T1).
/// </summary>
public static class MrWeightingRule
{
    /// <summary>Longest echo time (ms) of a T1-weighted series.</summary>
    public const double T1MaxEchoMs = 30;
    /// <summary>Repetition time (ms) that a T1-weighted series stays below.</summary>
    public const double T1MaxRepetitionMs = 1200;
    /// <summary>Shortest echo time (ms) of a T2-weighted series.</summary>
    public const double T2MinEchoMs = 60;

    /// <summary>The weighting that <paramref name="timing"/> implies; <see cref="MrWeighting.Unknown"/> when a time is missing, not finite or not
    /// positive, the echo is known to be a gradient echo, or the pair lies between the two rules.</summary>
    public static MrWeighting Classify(MrTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        if (timing.SpinEcho == false) return MrWeighting.Unknown;
        if (timing.EchoTimeMs is not { } te || timing.RepetitionTimeMs is not { } tr || !double.IsFinite(te) || !double.IsFinite(tr) || te <= 0 || tr <= 0)
            return MrWeighting.Unknown;
        if (te <= T1MaxEchoMs && tr < T1MaxRepetitionMs) return MrWeighting.T1;
        if (te >= T2MinEchoMs) return MrWeighting.T2;
        return MrWeighting.Unknown;
    }
}
