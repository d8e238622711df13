namespace DiscScope.Domain.Anatomy;

/// <summary>An intervertebral disc between two adjacent vertebrae, e.g. L4-L5. Named "UPPER-LOWER".</summary>
public readonly record struct DiscLevel
{
    public DiscLevel(VertebraLevel upper, VertebraLevel lower)
    {
        if (lower <= upper) throw new ArgumentException($"{upper}-{lower}: the lower vertebra must be caudal to the upper");
        var below = VertebraLevels.Below(upper, sixLumbar: upper == VertebraLevel.L5 && lower == VertebraLevel.L6 || upper == VertebraLevel.L6);
        if (below != lower) throw new ArgumentException($"{upper}-{lower} are not adjacent");
        Upper = upper; Lower = lower;
    }

    public VertebraLevel Upper { get; }
    public VertebraLevel Lower { get; }

    public static DiscLevel L5S1 => new(VertebraLevel.L5, VertebraLevel.S1);

    /// <summary>The disc below a vertebra in standard anatomy (five lumbar vertebrae).</summary>
    public static DiscLevel BelowVertebra(VertebraLevel upper) =>
        new(upper, VertebraLevels.Below(upper) ?? throw new ArgumentException($"no disc below {upper}"));

    /// <summary>SPIDER's IVD label k (1 = L5-S1, 2 = L4-L5, ...); the segmentation label is 200 + k.</summary>
    public int SpiderIvdLabel => Upper == VertebraLevel.L6 ? throw new InvalidOperationException("L6-S1 has no SPIDER IVD label") : VertebraLevel.L5 - Upper + 1;

    /// <summary>The disc of SPIDER IVD label k (1 = L5-S1).</summary>
    public static DiscLevel FromSpiderIvdLabel(int k)
    {
        if (k < 1 || k > 23) throw new ArgumentOutOfRangeException(nameof(k), k, "SPIDER IVD labels run 1 (L5-S1) to 23 (C2-C3)");
        return BelowVertebra(VertebraLevel.L5 - (k - 1));
    }

    public static DiscLevel Parse(string s)
    {
        var p = s.Split('-', '/');
        if (p.Length != 2) throw new FormatException($"not a disc level: '{s}'");
        return new DiscLevel(VertebraLevels.Parse(p[0]), VertebraLevels.Parse(p[1]));
    }

    public override string ToString() => $"{Upper}-{Lower}";
}
