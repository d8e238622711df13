using System.Buffers.Binary;
using DiscScope.Dicom;
using DiscScope.Reporting.Codes;

namespace DiscScope.Reporting.Dicom;

/// <summary>
/// Helpers that set data elements by PS3.6 keyword (tag and VR from the generated dictionary), so that the SR and SEG
/// builders read like the module tables of PS3.3. An unknown keyword is a programming error and throws.
/// </summary>
internal static class DicomBuild
{
    public static DicomTag Tag(string keyword) =>
        new(DicomDictionary.FindKeyword(keyword)?.Tag ?? throw new ArgumentException($"unknown DICOM keyword {keyword}", nameof(keyword)));

    private static DicomVR Vr(string keyword) => Enum.Parse<DicomVR>(DicomDictionary.FindKeyword(keyword)!.VR[..2]);

    /// <summary>Sets a string-valued element (any string VR; empty values give a zero-length, type 2 element).</summary>
    public static DicomDataset Str(this DicomDataset d, string keyword, params string[] values) => d.SetString(Tag(keyword), Vr(keyword), values);

    /// <summary>Sets a DS or IS element from numbers.</summary>
    public static DicomDataset Num(this DicomDataset d, string keyword, params double[] values) =>
        Vr(keyword) == DicomVR.IS
            ? d.SetString(Tag(keyword), DicomVR.IS, values.Select(v => ((long)Math.Round(v)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            : d.SetDecimal(Tag(keyword), values);

    public static DicomDataset US(this DicomDataset d, string keyword, params ushort[] values) => d.SetUInt16(Tag(keyword), values);

    public static DicomDataset UL(this DicomDataset d, string keyword, params uint[] values)
    {
        var b = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 4), values[i]);
        return d.Add(new DicomElement(Tag(keyword), DicomVR.UL, b));
    }

    public static DicomDataset FD(this DicomDataset d, string keyword, params double[] values)
    {
        var b = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), values[i]);
        return d.Add(new DicomElement(Tag(keyword), DicomVR.FD, b));
    }

    /// <summary>Sets an AT element (tags as group, element pairs).</summary>
    public static DicomDataset AT(this DicomDataset d, string keyword, params DicomTag[] tags)
    {
        var b = new byte[tags.Length * 4];
        for (var i = 0; i < tags.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 4), tags[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 4 + 2), tags[i].Element);
        }
        return d.Add(new DicomElement(Tag(keyword), DicomVR.AT, b));
    }

    public static DicomDataset Bytes(this DicomDataset d, string keyword, DicomVR vr, byte[] data) => d.Add(new DicomElement(Tag(keyword), vr, data));

    /// <summary>Sets a sequence; items are built by <paramref name="items"/> with this data set as their parent.</summary>
    public static DicomDataset Seq(this DicomDataset d, string keyword, IEnumerable<DicomDataset> items) => d.Add(new DicomElement(Tag(keyword), items.ToList()));

    public static DicomDataset Seq(this DicomDataset d, string keyword, params Action<DicomDataset>[] items) =>
        d.Seq(keyword, items.Select(fill => { var i = new DicomDataset(d); fill(i); return i; }).ToList());

    /// <summary>A code sequence with one item (PS3.3 Table 8.8-1, basic code attributes).</summary>
    public static DicomDataset Code(this DicomDataset d, string keyword, CodedConcept c) => d.Seq(keyword, i => i.CodeItem(c));

    public static DicomDataset CodeItem(this DicomDataset i, CodedConcept c) =>
        i.Str("CodeValue", c.Value).Str("CodingSchemeDesignator", c.Scheme).Str("CodeMeaning", c.Meaning);
}
