namespace DiscScope.Domain.Anatomy;

/// <summary>Helpers for <see cref="VertebraLevel"/>: names, neighbours and the SPIDER vertebra label numbers.</summary>
public static class VertebraLevels
{
    /// <summary>The vertebra below (caudal); null below S1. Skips L6 unless <paramref name="sixLumbar"/>.</summary>
    public static VertebraLevel? Below(VertebraLevel v, bool sixLumbar = false) => v switch
    {
        VertebraLevel.S1 => null,
        VertebraLevel.L5 => sixLumbar ? VertebraLevel.L6 : VertebraLevel.S1,
        VertebraLevel.L6 => VertebraLevel.S1,
        _ => v + 1,
    };

    /// <summary>The vertebra above (cranial); null above C1. L6 is never returned unless <paramref name="sixLumbar"/>.</summary>
    public static VertebraLevel? Above(VertebraLevel v, bool sixLumbar = false) => v switch
    {
        VertebraLevel.C1 => null,
        VertebraLevel.S1 => sixLumbar ? VertebraLevel.L6 : VertebraLevel.L5,
        _ => v - 1,
    };

    /// <summary>SPIDER's vertebra label: 1 = L5, 2 = L4, ... counting up from the lowest lumbar vertebra (standard five-lumbar count).</summary>
    public static int SpiderLabel(VertebraLevel v)
    {
        if (v is VertebraLevel.S1 or VertebraLevel.L6) throw new ArgumentException($"{v} has no SPIDER vertebra label", nameof(v));
        return VertebraLevel.L5 - v + 1;
    }

    /// <summary>The vertebra of a SPIDER vertebra label (1 = L5 ... 24 = C1).</summary>
    public static VertebraLevel FromSpiderLabel(int label)
    {
        if (label < 1 || label > 24) throw new ArgumentOutOfRangeException(nameof(label), label, "SPIDER vertebra labels run 1 (L5) to 24 (C1)");
        return VertebraLevel.L5 - (label - 1);
    }

    /// <summary>Parses "L4", "T12", "S1" (case-insensitive).</summary>
    public static VertebraLevel Parse(string s) =>
        Enum.TryParse<VertebraLevel>(s.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v)
            ? v : throw new FormatException($"not a vertebra level: '{s}'");
}
