using System.Buffers.Binary;
using System.Text;

namespace DiscScope.Dicom;

/// <summary>
/// Writes Part 10 files in Explicit VR Little Endian (PS3.10 7.1, PS3.5 7.1.2), or, for encapsulated pixel data, in the
/// source's encapsulated transfer syntax (which is explicit VR little endian too). The File Meta Information is rebuilt
/// with its group length, version, SOP class/instance from the data set and DiscScope's implementation UID; values of odd
/// length are padded (space for strings, NUL for UI and binary VRs); sequences and items are written with undefined length.
/// Group length elements of other groups (retired, PS3.5 7.2) are not written.
/// </summary>
public static class DicomWriter
{
    /// <summary>Writes a file; a source in Implicit VR, big endian or deflated form is re-encoded in Explicit VR Little Endian.</summary>
    public static void Write(DicomFile file, string path)
    {
        using var fs = File.Create(path);
        Write(file, fs);
    }

    public static byte[] ToBytes(DicomFile file)
    {
        using var ms = new MemoryStream();
        Write(file, ms);
        return ms.ToArray();
    }

    public static void Write(DicomFile file, Stream stream)
    {
        var encapsulated = file.Dataset[DicomTag.PixelData]?.Fragments is not null;
        var ts = encapsulated && file.TransferSyntax.Encapsulated ? file.TransferSyntax
            : encapsulated ? throw new DicomException(file.Source, $"encapsulated pixel data in a non-encapsulated transfer syntax {file.TransferSyntax}")
            : TransferSyntax.ExplicitVRLittleEndian;
        var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        w.Write(new byte[128]);
        w.Write("DICM"u8);
        WriteDataset(w, BuildMeta(file, ts), includeGroupLengths: true);
        WriteDataset(w, file.Dataset, includeGroupLengths: false);
        w.Flush();
    }

    /// <summary>The File Meta Information written for a file: the source's extra meta elements plus the required ones.</summary>
    public static DicomDataset BuildMeta(DicomFile file, TransferSyntax ts)
    {
        var m = new DicomDataset();
        foreach (var e in file.Meta)
            if (e.Tag.Group == 0x0002 && e.Tag.Element > 0x0013 && e.Items is null) m.Add(e);
        m.Add(new DicomElement(DicomTag.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 }));
        var cls = file.Dataset.GetString(DicomTag.SOPClassUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPClassUID) ?? "1.2.840.10008.5.1.4.1.1.7";
        var inst = file.Dataset.GetString(DicomTag.SOPInstanceUID) ?? file.Meta.GetString(DicomTag.MediaStorageSOPInstanceUID) ?? DicomUid.Generate();
        m.SetString(DicomTag.MediaStorageSOPClassUID, DicomVR.UI, cls);
        m.SetString(DicomTag.MediaStorageSOPInstanceUID, DicomVR.UI, inst);
        m.SetString(DicomTag.TransferSyntaxUID, DicomVR.UI, ts.Uid);
        m.SetString(DicomTag.ImplementationClassUID, DicomVR.UI, DicomUid.ImplementationClassUid);
        m.SetString(DicomTag.ImplementationVersionName, DicomVR.SH, DicomUid.ImplementationVersionName);
        long len = 0;
        foreach (var e in m) len += EncodedLength(e);
        var gl = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(gl, (uint)len);
        m.Add(new DicomElement(DicomTag.FileMetaInformationGroupLength, DicomVR.UL, gl));
        return m;
    }

    private static void WriteDataset(BinaryWriter w, DicomDataset ds, bool includeGroupLengths)
    {
        foreach (var e in ds)
        {
            if (e.Tag.IsGroupLength && !includeGroupLengths) continue;
            if (!includeGroupLengths && e.Tag.Group == 0x0002 && ds.Parent is null) continue; // meta belongs in the meta group only
            WriteElement(w, e);
        }
    }

    private static void WriteElement(BinaryWriter w, DicomElement e)
    {
        w.Write(e.Tag.Group);
        w.Write(e.Tag.Element);
        if (e.Items is not null)
        {
            WriteVR(w, DicomVR.SQ);
            w.Write((ushort)0);
            w.Write(0xFFFFFFFFu);
            foreach (var item in e.Items)
            {
                w.Write((ushort)0xFFFE); w.Write((ushort)0xE000); w.Write(0xFFFFFFFFu);
                WriteDataset(w, item, includeGroupLengths: false);
                w.Write((ushort)0xFFFE); w.Write((ushort)0xE00D); w.Write(0u);
            }
            w.Write((ushort)0xFFFE); w.Write((ushort)0xE0DD); w.Write(0u);
            return;
        }
        if (e.Fragments is { } f)
        {
            WriteVR(w, e.VR);
            w.Write((ushort)0);
            w.Write(0xFFFFFFFFu);
            w.Write(f.ToItemBytes().AsSpan() is var items ? PadItems(items) : []);
            w.Write((ushort)0xFFFE); w.Write((ushort)0xE0DD); w.Write(0u);
            return;
        }
        var v = e.Value.Span;
        var padded = v.Length + (v.Length & 1);
        var vr = e.VR;
        if (!DicomVRs.HasLongLength(vr) && padded > 0xFFFF) vr = DicomVR.UN; // too long for a 16-bit length: keep the bytes as UN
        WriteVR(w, vr);
        if (DicomVRs.HasLongLength(vr)) { w.Write((ushort)0); w.Write((uint)padded); }
        else w.Write((ushort)padded);
        w.Write(v);
        if ((v.Length & 1) == 1) w.Write(DicomVRs.PadByte(vr));
    }

    /// <summary>Fragments must have even length (PS3.5 A.4); an odd fragment gets a trailing NUL.</summary>
    private static byte[] PadItems(ReadOnlySpan<byte> items)
    {
        // Items from ToItemBytes keep their lengths; odd-length fragments are rare and rewritten with padding here.
        var o = new List<byte>(items.Length + 16);
        var p = 0;
        while (p + 8 <= items.Length)
        {
            var len = (int)BinaryPrimitives.ReadUInt32LittleEndian(items[(p + 4)..]);
            var odd = len & 1;
            o.AddRange(items.Slice(p, 4));
            var l = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(l, (uint)(len + odd));
            o.AddRange(l);
            o.AddRange(items.Slice(p + 8, len));
            if (odd == 1) o.Add(0);
            p += 8 + len;
        }
        return o.ToArray();
    }

    private static void WriteVR(BinaryWriter w, DicomVR vr)
    {
        w.Write((byte)((ushort)vr >> 8));
        w.Write((byte)((ushort)vr & 0xFF));
    }

    private static long EncodedLength(DicomElement e)
    {
        var v = e.Value.Length + (e.Value.Length & 1);
        return (DicomVRs.HasLongLength(e.VR) ? 12 : 8) + v;
    }
}
