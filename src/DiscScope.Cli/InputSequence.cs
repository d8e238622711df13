using DiscScope.Analysis.Mri;

namespace DiscScope.Cli;

/// <summary>
/// Which sequence an analysis input is taken as: what `--sequence` says, else what the DICOM timing says (<see cref="MrWeightingRule"/>),
/// else T2 (with a caution in the report when a DICOM input's timing does not say T2). The gradings read T2 contrast, so a T1 taken for a T2 would be graded into invented findings; a stated sequence that the
/// timing contradicts is kept (the user may know the header is wrong) but the report says so.
/// </summary>
public static class InputSequence
{
    /// <summary>The sequence names an input may have.</summary>
    public static IReadOnlyList<string> Names { get; } = ["t2", "t2_space", "t1"];

    /// <summary>The canonical name of <paramref name="requested"/> (case and spaces ignored); null for null; an unknown name is a bad input.</summary>
    public static string? Parse(string? requested) =>
        requested is null ? null
        : Names.FirstOrDefault(x => string.Equals(x, requested.Trim(), StringComparison.OrdinalIgnoreCase))
          ?? throw new InputException($"--sequence {requested}: expected {string.Join(", ", Names)}");

    /// <summary>The main input's sequence and, when the timing had a say, a note for the report (<paramref name="timing"/> null: not DICOM).</summary>
    public static (string Sequence, string? Note) Resolve(string? requested, MrTiming? timing)
    {
        var weighting = timing?.Weighting ?? MrWeighting.Unknown;
        return (requested, weighting) switch
        {
            (null, MrWeighting.T1) => ("t1", $"the input's DICOM timing ({timing}) is T1-weighted, so it was taken as a T1 (pass --sequence to say otherwise)"),
            (null, MrWeighting.Unknown) when timing is not null => ("t2", $"the input's DICOM timing ({timing}) does not say T2-weighted: analysed as a T2, but the gradings were trained on spin-echo T2 images, so check the input (or pass --sequence)"),
            (null, _) => ("t2", null),
            ("t1", MrWeighting.T2) => ("t1", $"--sequence t1 was given, but the input's DICOM timing ({timing}) is T2-weighted: analysed as a T1, as asked"),
            ("t2" or "t2_space", MrWeighting.T1) => (requested, $"--sequence {requested} was given, but the input's DICOM timing ({timing}) is T1-weighted: graded as a T2, as asked; check the input"),
            _ => (requested, null),
        };
    }

    /// <summary>Null when the --t1 series may serve as the T1; otherwise why not (its DICOM timing is T2-weighted).</summary>
    public static string? T1Refusal(MrTiming? timing) =>
        timing?.Weighting == MrWeighting.T2
            ? $"T1 not used: the --t1 series' DICOM timing ({timing}) is T2-weighted, and a T2 read as a T1 would invent Modic and endplate findings"
            : null;
}
