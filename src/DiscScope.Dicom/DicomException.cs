namespace DiscScope.Dicom;

/// <summary>
/// The one exception the DICOM layer throws for unreadable or invalid DICOM input (malformed Part 10 streams, pixel data
/// that does not match its description, transfer syntaxes without a codec). Names the file, the byte offset where known
/// (offsets inside a deflated data set count in the inflated stream), and the reason.
/// </summary>
public sealed class DicomException : Exception
{
    public DicomException(string file, string reason, long? offset = null, Exception? inner = null)
        : base(Compose(file, reason, offset), inner)
    {
        File = file; Reason = reason; Offset = offset;
    }

    /// <summary>The file (or stream name) being read.</summary>
    public string File { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Reason { get; }

    /// <summary>Byte offset of the offending element or structure, when known.</summary>
    public long? Offset { get; }

    private static string Compose(string file, string reason, long? offset) =>
        offset is { } o ? $"{file}: {reason} (at byte {o})" : $"{file}: {reason}";
}
