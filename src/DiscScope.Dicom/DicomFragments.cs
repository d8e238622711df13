namespace DiscScope.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table (first item, may be empty) and the fragments that follow.
/// </summary>
public sealed class DicomFragments
{
    public DicomFragments(ReadOnlyMemory<byte> basicOffsetTable, IReadOnlyList<ReadOnlyMemory<byte>> fragments)
    {
        BasicOffsetTable = basicOffsetTable; Fragments = fragments;
    }

    /// <summary>Item 1: 32-bit little-endian byte offsets of each frame's first fragment, relative to the first fragment item.</summary>
    public ReadOnlyMemory<byte> BasicOffsetTable { get; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Fragments { get; }

    /// <summary>Total encoded length of the items (headers of 8 bytes each, BOT and fragments), excluding the sequence delimiter.</summary>
    public long EncodedLength => 8 + BasicOffsetTable.Length + Fragments.Sum(f => 8L + f.Length);

    /// <summary>The item stream as it appears in the value field (little endian), without the sequence delimiter.</summary>
    public byte[] ToItemBytes()
    {
        var o = new byte[EncodedLength];
        var p = 0;
        void Put(ReadOnlySpan<byte> data)
        {
            BitConverter.TryWriteBytes(o.AsSpan(p), (ushort)0xFFFE);
            BitConverter.TryWriteBytes(o.AsSpan(p + 2), (ushort)0xE000);
            BitConverter.TryWriteBytes(o.AsSpan(p + 4), (uint)data.Length);
            data.CopyTo(o.AsSpan(p + 8));
            p += 8 + data.Length;
        }
        Put(BasicOffsetTable.Span);
        foreach (var f in Fragments) Put(f.Span);
        return o;
    }
}
