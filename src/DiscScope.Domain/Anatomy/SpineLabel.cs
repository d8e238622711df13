namespace DiscScope.Domain.Anatomy;

/// <summary>
/// DiscScope's label-map convention (SPIDER's): vertebrae 1..25 numbered from the bottom (L5 = 1, L4 = 2, ...),
/// spinal canal = 100, discs 200 + k with k = 1 for L5-S1, 2 for L4-L5, ... (k = the IVD label of SPIDER gradings.csv).
/// </summary>
public static class SpineLabel
{
    public const short Background = 0;
    public const short Canal = 100;

    /// <summary>DiscScope's extension: the sacrum (S1) where it is segmented; SPIDER's numbering has no sacrum label.</summary>
    public const short Sacrum = 26;
    public const short DiscBase = 200;

    public static short Of(VertebraLevel v) => v == VertebraLevel.S1 ? Sacrum : (short)VertebraLevels.SpiderLabel(v);

    /// <summary>The vertebra of a vertebra label (1 = L5 ... 24 = C1, 26 = S1).</summary>
    public static VertebraLevel VertebraOf(int label) => label == Sacrum ? VertebraLevel.S1 : VertebraLevels.FromSpiderLabel(label);
    public static short Of(DiscLevel d) => (short)(DiscBase + d.SpiderIvdLabel);

    /// <summary>The structure class of a label value.</summary>
    public static Structure StructureOf(int label) => label switch
    {
        0 => Structure.Background,
        >= 1 and <= 26 => Structure.Vertebra,
        Canal => Structure.Canal,
        > DiscBase and <= DiscBase + 25 => Structure.Disc,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a DiscScope/SPIDER label"),
    };
}
