using System.Buffers.Binary;

namespace DiscScope.Dicom;

/// <summary>
/// RLE Lossless (PS3.5 annex G): a 64-byte header with up to 15 segment offsets, one PackBits segment per byte plane,
/// most significant byte first, each segment one sample of every pixel.
/// </summary>
public sealed class RleCodec : IDicomPixelCodec
{
    public string Name => "RLE Lossless (DiscScope)";

    public bool Supports(TransferSyntax syntax) => syntax.Uid == TransferSyntax.RleLossless.Uid;

    public void Decode(DicomPixelData px, ReadOnlySpan<byte> data, Span<byte> output)
    {
        var bps = px.BytesPerSample;
        var spp = px.SamplesPerPixel;
        var pixels = px.Rows * px.Columns;
        if (data.Length < 64) throw px.Fail($"RLE frame of {data.Length} bytes is shorter than its 64-byte header");
        var segments = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
        var expected = bps * spp;
        if (segments != expected) throw px.Fail($"RLE header declares {segments} segments, {expected} expected ({spp} samples x {bps} bytes)");
        Span<int> offsets = stackalloc int[16];
        for (var i = 0; i < segments; i++)
        {
            var o = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + 4 * i)..]);
            if (o < 64 || o > data.Length) throw px.Fail($"RLE segment {i} offset {o} outside the frame ({data.Length} bytes)");
            offsets[i] = (int)o;
        }
        offsets[segments] = data.Length;
        var plane = new byte[pixels];
        for (var seg = 0; seg < segments; seg++)
        {
            var end = seg + 1 < segments ? offsets[seg + 1] : data.Length;
            if (end < offsets[seg]) end = data.Length; // offsets out of order: the segment runs to the end of the frame
            var n = UnpackBits(data[offsets[seg]..end], plane);
            if (n < pixels) plane.AsSpan(n).Clear(); // short segment: missing pixels are zero (pydicom raises; see tests)
            var sample = seg / bps;
            var byteInSample = bps - 1 - seg % bps; // segment 0 holds the most significant byte
            for (var p = 0; p < pixels; p++) output[(p * spp + sample) * bps + byteInSample] = plane[p];
        }
    }

    /// <summary>PackBits (PS3.5 G.3.1); returns the bytes written (at most the output length; extra input is ignored).</summary>
    public static int UnpackBits(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int i = 0, o = 0;
        while (i < src.Length && o < dst.Length)
        {
            var n = (sbyte)src[i++];
            if (n >= 0)
            {
                var count = Math.Min(n + 1, Math.Min(src.Length - i, dst.Length - o));
                src.Slice(i, count).CopyTo(dst[o..]);
                i += n + 1; o += count;
            }
            else if (n != -128)
            {
                if (i >= src.Length) break;
                var count = Math.Min(1 - n, dst.Length - o);
                dst.Slice(o, count).Fill(src[i++]);
                o += count;
            }
        }
        return o;
    }
}
