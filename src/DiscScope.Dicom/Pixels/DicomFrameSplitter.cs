using System.Buffers.Binary;

namespace DiscScope.Dicom;

/// <summary>
/// Finds the bytes of one frame in encapsulated pixel data (PS3.5 A.4): by the Extended Offset Table (7FE0,0001/0002),
/// else by the Basic Offset Table, else one fragment per frame, else all fragments for a single frame, else by JPEG/J2K
/// start markers.
/// </summary>
internal static class DicomFrameSplitter
{
    public static ReadOnlySpan<byte> Frame(DicomPixelData px, DicomFragments f, DicomDataset ds, int frame)
    {
        var frags = f.Fragments;
        if (frags.Count == 0) throw px.Fail("encapsulated pixel data has no fragments");
        // Item offsets of each fragment in the item stream after the BOT (offset tables count from there).
        var starts = new long[frags.Count + 1];
        for (var i = 0; i < frags.Count; i++) starts[i + 1] = starts[i] + 8 + frags[i].Length;

        if (ds[DicomTag.ExtendedOffsetTable] is { } eot && ds[DicomTag.ExtendedOffsetTableLengths] is { } eotl)
        {
            var offs = eot.Value.Span; var lens = eotl.Value.Span;
            if (offs.Length >= (frame + 1) * 8 && lens.Length >= (frame + 1) * 8)
            {
                var off = BinaryPrimitives.ReadUInt64LittleEndian(offs[(frame * 8)..]);
                var len = BinaryPrimitives.ReadUInt64LittleEndian(lens[(frame * 8)..]);
                var i = Array.IndexOf(starts, (long)off);
                if (i >= 0 && i < frags.Count && len <= (ulong)frags[i].Length) return frags[i].Span[..(int)len];
                throw px.Fail($"Extended Offset Table entry {frame} (offset {off}, length {len}) does not match a fragment");
            }
        }
        if (px.Frames == 1) return Concat(frags, 0, frags.Count);
        var bot = f.BasicOffsetTable.Span;
        if (bot.Length >= px.Frames * 4)
        {
            var a = BinaryPrimitives.ReadUInt32LittleEndian(bot[(frame * 4)..]);
            var b = frame + 1 < px.Frames ? BinaryPrimitives.ReadUInt32LittleEndian(bot[((frame + 1) * 4)..]) : starts[^1];
            var first = Array.IndexOf(starts, (long)a);
            var last = Array.IndexOf(starts, (long)b);
            if (first < 0 || last < 0 || last <= first || first >= frags.Count)
                throw px.Fail($"Basic Offset Table entry {frame} ({a}) does not point at a fragment");
            return Concat(frags, first, last);
        }
        if (frags.Count == px.Frames) return frags[frame].Span;
        // Several fragments per frame without offsets: a new frame starts with a JPEG SOI or JPEG 2000 SOC marker.
        var begins = new List<int>();
        for (var i = 0; i < frags.Count; i++)
        {
            var s = frags[i].Span;
            if (s.Length >= 2 && s[0] == 0xFF && (s[1] == 0xD8 || s[1] == 0x4F)) begins.Add(i);
        }
        if (begins.Count == px.Frames)
        {
            var end = frame + 1 < begins.Count ? begins[frame + 1] : frags.Count;
            return Concat(frags, begins[frame], end);
        }
        throw px.Fail($"cannot tell which of {frags.Count} fragments belong to frame {frame} of {px.Frames} (no offset table)");
    }

    private static ReadOnlySpan<byte> Concat(IReadOnlyList<ReadOnlyMemory<byte>> frags, int from, int to)
    {
        if (to - from == 1) return frags[from].Span;
        var n = 0L;
        for (var i = from; i < to; i++) n += frags[i].Length;
        var o = new byte[n];
        var p = 0;
        for (var i = from; i < to; i++) { frags[i].Span.CopyTo(o.AsSpan(p)); p += frags[i].Length; }
        return o;
    }
}
