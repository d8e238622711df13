namespace DiscScope.Domain.Anatomy;

/// <summary>
/// DiscScope's label-map convention (SPIDER's): vertebrae 1..25 numbered from the bottom (L5 = 1, L4 = 2, ...),
/// spinal canal = 100, discs 200 + k with k = 1 for L5-S1, 2 for L4-L5, ... (k = the IVD label of SPIDER gradings.csv).
/// </summary>
public static class SpineLabel
{
    public const short Background = 0;
    public const short Canal = 100;
    public const short DiscBase = 200;

    /// <summary>The sacrum (S1 and below) when it is segmented. SPIDER's vertebra labels stop at the lowest lumbar vertebra;
    /// DiscScope gives the sacrum 26, one above the 25 vertebra labels, so that it stays a vertebra-class label.</summary>
    public const short Sacrum = 26;

    public static short Of(VertebraLevel v) => v == VertebraLevel.S1 ? Sacrum : (short)VertebraLevels.SpiderLabel(v);

    /// <summary>The vertebra of a vertebra label (1 = L5 ... 24 = C1, 26 = S1).</summary>
    public static VertebraLevel VertebraOf(int label) => label == Sacrum ? VertebraLevel.S1 : VertebraLevels.FromSpiderLabel(label);
    public static short Of(DiscLevel d) => (short)(DiscBase + d.SpiderIvdLabel);

    /// <summary>The structure class of a label value.</summary>
    public static Structure StructureOf(int label) => label switch
    {
        0 => Structure.Background,
        >= 1 and <= Sacrum => Structure.Vertebra,
        Canal => Structure.Canal,
        > DiscBase and <= DiscBase + 25 => Structure.Disc,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a DiscScope/SPIDER label"),
    };
}
