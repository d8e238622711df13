namespace DiscScope.Imaging.Formats.Common;

/// <summary>
/// Bounds every reader checks a header against before it allocates, so a lying or hostile header costs an exception, not memory.
/// </summary>
internal static class FormatLimits
{
    /// <summary>
    /// Deflate (gzip, zlib, PNG) cannot expand by more than about 1032:1 (a 258-byte match costs at least 2 bits);
    /// a compressed payload that claims more than this ratio must be lying.
    /// </summary>
    public const long MaxDeflateRatio = 1032;

    /// <summary>Allowance on top of the ratio bound for container headers and tiny files (bytes).</summary>
    public const long DeflateSlack = 64 * 1024;

    /// <summary>Largest voxel payload in bytes (what one array and one span can hold).</summary>
    public static long MaxPayloadBytes => Array.MaxLength;

    /// <summary>Most bytes a deflate payload of <paramref name="compressedBytes"/> can expand to.</summary>
    public static long MaxInflated(long compressedBytes) =>
        compressedBytes > (long.MaxValue - DeflateSlack) / MaxDeflateRatio ? long.MaxValue : compressedBytes * MaxDeflateRatio + DeflateSlack;

    /// <summary>
    /// Bytes of a grid with the given sizes and element size; throws <see cref="ImageFormatException"/> for non-positive sizes,
    /// overflow, or a payload larger than <see cref="MaxPayloadBytes"/>.
    /// </summary>
    public static long PayloadBytes(string path, IReadOnlyList<long> sizes, int elementSize, long? offset = null)
    {
        long n = elementSize;
        foreach (var s in sizes)
        {
            if (s <= 0) throw new ImageFormatException(path, $"image size must be positive, header says {string.Join('x', sizes)}", offset);
            if (n > MaxPayloadBytes / s)
                throw new ImageFormatException(path, $"image of {string.Join('x', sizes)} voxels of {elementSize} bytes exceeds the {MaxPayloadBytes}-byte limit", offset);
            n *= s;
        }
        return n;
    }
}
