namespace DiscScope.Training.SpineGate;

/// <summary>Cross-validated gate decisions on one source at one assumed spacing (null: the images' own): images, groups, how many the gate
/// passed (P >= threshold), the share it got right (passed for spine MR, refused for other) with a Wilson 95 % interval, and the lowest
/// and highest probability; <paramref name="External"/> when no network trained on the source.</summary>
public sealed record GateSourceResult(string Source, bool IsSpineMr, bool External, double? AssumedSpacing, int Images, int Groups, int Passed, double Correct,
    double CorrectLow, double CorrectHigh, double MinProbability, double MaxProbability);
