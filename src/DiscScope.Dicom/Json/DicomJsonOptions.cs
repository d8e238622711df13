namespace DiscScope.Dicom;

/// <summary>Options of the DICOM JSON Model writer.</summary>
public sealed record DicomJsonOptions
{
    public static DicomJsonOptions Default { get; } = new();

    /// <summary>Binary values of at least this many bytes are written as a BulkDataURI "bulk:GGGGEEEE" instead of InlineBinary.</summary>
    public int BulkDataThreshold { get; init; } = 1024;

    /// <summary>Also write the File Meta Information group (0002); the JSON model of PS3.18 describes the data set only.</summary>
    public bool IncludeMeta { get; init; }

    public bool Indented { get; init; } = true;
}
