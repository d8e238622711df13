using System.Globalization;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// An MR series' acquisition timing as its DICOM header states it: echo time and repetition time (ms), and whether the echo is a spin echo
/// (ScanningSequence holds SE, or EchoPulseSequence is SPIN; null when the header does not say). Each value is null when absent.
/// </summary>
public sealed record MrTiming(double? EchoTimeMs, double? RepetitionTimeMs, bool? SpinEcho = null)
{
    /// <summary>The weighting the timing implies (<see cref="MrWeightingRule.Classify"/>).</summary>
    public MrWeighting Weighting => MrWeightingRule.Classify(this);

    /// <summary>"TE 12 ms, TR 600 ms" (plus ", gradient echo" when the echo is known not to be a spin echo) for messages; a missing
    /// value reads "?".</summary>
    public override string ToString() => $"TE {Ms(EchoTimeMs)}, TR {Ms(RepetitionTimeMs)}{(SpinEcho == false ? ", gradient echo" : "")}";

    private static string Ms(double? v) => v is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "?";
}
