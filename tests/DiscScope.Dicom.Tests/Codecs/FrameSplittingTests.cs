using System.Buffers.Binary;

namespace DiscScope.Dicom.Tests.Codecs;

/// <summary>
/// Multi-frame encapsulated data located by the Extended Offset Table, the Basic Offset Table, or neither, with frames
/// split over several fragments. Frames are RLE-coded here (PS3.5 G.3: literal runs only), so the expected pixels are
/// known by construction, independently of DiscScope's decoder.
/// </summary>
public sealed class FrameSplittingTests
{
    private const int Rows = 4, Cols = 5, Frames = 3;

    private static byte[] Pixels(int frame) => Enumerable.Range(0, Rows * Cols).Select(i => (byte)(frame * 50 + i)).ToArray();

    /// <summary>An 8-bit single-segment RLE frame: 64-byte header, then literal runs of at most 128 bytes.</summary>
    private static byte[] Rle(byte[] plane)
    {
        var o = new List<byte>(new byte[64]);
        BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(o), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(o)[4..], 64);
        for (var i = 0; i < plane.Length; i += 128)
        {
            var n = Math.Min(128, plane.Length - i);
            o.Add((byte)(n - 1));
            o.AddRange(plane.AsSpan(i, n).ToArray());
        }
        if ((o.Count & 1) == 1) o.Add(0);
        return o.ToArray();
    }

    private static DicomFile Build(string table)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7.2");
        ds.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetUInt16(DicomTag.SamplesPerPixel, 1);
        ds.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetString(DicomTag.NumberOfFrames, DicomVR.IS, Frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ds.SetUInt16(DicomTag.Rows, Rows); ds.SetUInt16(DicomTag.Columns, Cols);
        ds.SetUInt16(DicomTag.BitsAllocated, 8); ds.SetUInt16(DicomTag.BitsStored, 8); ds.SetUInt16(DicomTag.HighBit, 7);
        ds.SetUInt16(DicomTag.PixelRepresentation, 0);
        // Each frame in two fragments (the split is legal for RLE only with an offset table; without one, frames are one fragment each).
        var frags = new List<ReadOnlyMemory<byte>>();
        var offsets = new List<ulong>(); var lengths = new List<ulong>();
        ulong pos = 0;
        for (var f = 0; f < Frames; f++)
        {
            var rle = Rle(Pixels(f));
            offsets.Add(pos); lengths.Add((ulong)rle.Length);
            if (table == "none" || table == "eot") { frags.Add(rle); pos += 8 + (ulong)rle.Length; }
            else
            {
                var cut = 10;
                frags.Add(rle[..cut]); frags.Add(rle[cut..]);
                pos += 16 + (ulong)rle.Length;
            }
        }
        var bot = Array.Empty<byte>();
        if (table == "bot")
        {
            bot = new byte[4 * Frames];
            for (var f = 0; f < Frames; f++) BinaryPrimitives.WriteUInt32LittleEndian(bot.AsSpan(4 * f), (uint)offsets[f]);
        }
        if (table == "eot")
        {
            var eot = new byte[8 * Frames]; var eotl = new byte[8 * Frames];
            for (var f = 0; f < Frames; f++) { BinaryPrimitives.WriteUInt64LittleEndian(eot.AsSpan(8 * f), offsets[f]); BinaryPrimitives.WriteUInt64LittleEndian(eotl.AsSpan(8 * f), lengths[f]); }
            ds.Add(new DicomElement(DicomTag.ExtendedOffsetTable, DicomVR.OV, eot));
            ds.Add(new DicomElement(DicomTag.ExtendedOffsetTableLengths, DicomVR.OV, eotl));
        }
        ds.Add(new DicomElement(DicomTag.PixelData, DicomVR.OB, new DicomFragments(bot, frags)));
        var file = new DicomFile(new DicomDataset(), ds, TransferSyntax.RleLossless, null, "synthetic");
        return DicomFile.Read(DicomWriter.ToBytes(file), "synthetic-" + table); // through the writer and the parser
    }

    [Theory]
    [InlineData("eot")]
    [InlineData("bot")]
    [InlineData("none")]
    public void FramesAreFoundAndDecoded(string table)
    {
        var f = Build(table);
        Assert.Equal(TransferSyntax.RleLossless.Uid, f.Meta.GetString(DicomTag.TransferSyntaxUID));
        var px = new DicomPixelData(f);
        for (var k = 0; k < Frames; k++) Assert.Equal(Pixels(k), px.DecodeFrame(k));
    }
}
