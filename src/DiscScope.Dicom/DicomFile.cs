namespace DiscScope.Dicom;

/// <summary>
/// A DICOM Part 10 file (PS3.10 section 7): optional 128-byte preamble, File Meta Information (group 0002) and the data set
/// in <see cref="TransferSyntax"/>. Read with <see cref="Read(string, DicomReadOptions?)"/>, written with <see cref="DicomWriter"/>.
/// </summary>
public sealed record DicomFile(DicomDataset Meta, DicomDataset Dataset, TransferSyntax TransferSyntax, byte[]? Preamble, string Source, bool ExplicitVR = true)
{
    /// <summary>Reads a file; throws <see cref="DicomException"/> for anything that is not a readable DICOM stream.</summary>
    public static DicomFile Read(string path, DicomReadOptions? options = null)
    {
        byte[] bytes;
        try
        {
            // Look at the first bytes before reading a large non-DICOM file whole; one open, no buffering layer.
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var length = fs.Length;
            if (length > Array.MaxLength) throw new DicomException(path, $"file of {length} bytes is too large", 0);
            bytes = GC.AllocateUninitializedArray<byte>((int)length); // every byte is read into it below
            var head = fs.ReadAtLeast(bytes.AsSpan(0, (int)Math.Min(132, length)), (int)Math.Min(132, length), throwOnEndOfStream: false);
            if (!DicomParser.Plausible(bytes.AsSpan(0, head))) throw new DicomException(path, "not a DICOM file: no 'DICM' prefix and no plausible data element at the start", 0);
            fs.ReadExactly(bytes.AsSpan(head));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DicomException(path, e.Message, null, e); }
        return Read(bytes, path, options);
    }

    /// <summary>Parses a byte buffer (kept, not copied: values refer into it); <paramref name="name"/> is used in errors.</summary>
    public static DicomFile Read(byte[] bytes, string name, DicomReadOptions? options = null) =>
        new DicomParser(name, bytes, options ?? DicomReadOptions.Default).Parse();

    /// <summary>
    /// True when the bytes start like a DICOM file: 'DICM' at 128, or a group 0002/0008 element at 0 with an explicit VR
    /// or a short implicit length (files without preamble and meta, as some old modalities write them).
    /// </summary>
    public static bool Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') return true;
        if (head.Length < 8) return false;
        var g = head[0] | head[1] << 8;
        if (g != 0x0002 && g != 0x0008) return false;
        if (head[4] is >= (byte)'A' and <= (byte)'Z' && head[5] is >= (byte)'A' and <= (byte)'Z') return true;
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head[4..]) < 1024;
    }
}
