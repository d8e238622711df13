namespace DiscScope.Imaging.Formats.Common;

/// <summary>Byte-order reversal of packed elements in place.</summary>
internal static class Endian
{
    /// <summary>Reverses the bytes of each <paramref name="elementSize"/>-byte element of <paramref name="data"/>.</summary>
    public static void Swap(Span<byte> data, int elementSize)
    {
        if (elementSize == 1) return;
        for (var p = 0; p + elementSize <= data.Length; p += elementSize) data.Slice(p, elementSize).Reverse();
    }
}
