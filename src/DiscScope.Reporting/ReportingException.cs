namespace DiscScope.Reporting;

/// <summary>The one exception type of the reporting layer: which output, and why it could not be written or read.</summary>
public sealed class ReportingException : Exception
{
    public ReportingException(string format, string reason, Exception? inner = null)
        : base($"{format}: {reason}", inner) { Format = format; Reason = reason; }

    /// <summary>The output format or file concerned (e.g. "report.json", "seg").</summary>
    public string Format { get; }

    /// <summary>Why, without the format (so a caller can name the actual file instead).</summary>
    public string Reason { get; }
}
