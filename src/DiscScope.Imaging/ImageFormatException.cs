namespace DiscScope.Imaging;

/// <summary>
/// The one exception the Imaging layer throws for unreadable or invalid input: names the file, the byte offset where known, and the reason.
/// </summary>
public class ImageFormatException : Exception
{
    public ImageFormatException(string file, string reason, long? offset = null, Exception? inner = null)
        : base(Compose(file, reason, offset), inner)
    {
        File = file; Reason = reason; Offset = offset;
    }

    public string File { get; }
    public string Reason { get; }
    public long? Offset { get; }

    private static string Compose(string file, string reason, long? offset) =>
        offset is { } o ? $"{file}: {reason} (at byte {o})" : $"{file}: {reason}";
}
