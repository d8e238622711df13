namespace DiscScope.Dicom;

/// <summary>Options for parsing Part 10 files.</summary>
public sealed record DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Stop after this tag (e.g. before Pixel Data for header-only scans); null reads everything.</summary>
    public DicomTag? StopBefore { get; init; }

    /// <summary>Deepest sequence nesting accepted; deeper input is rejected (a bound on recursion for hostile files).</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Largest inflated size of a deflated data set as a multiple of the compressed size (deflate cannot exceed 1032:1).</summary>
    public int MaxInflateRatio { get; init; } = 1032;
}
