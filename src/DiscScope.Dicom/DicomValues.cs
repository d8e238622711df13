using System.Buffers.Binary;
using System.Globalization;

namespace DiscScope.Dicom;

/// <summary>Decoding of element values to text and numbers (PS3.5 section 6.2).</summary>
public static class DicomValues
{
    /// <summary>
    /// String values: LT/ST/UT/UR are one value; other string VRs split at backslash. Each value loses trailing spaces and
    /// NULs (insignificant padding, PS3.5 6.2). Binary numeric VRs are formatted invariantly.
    /// </summary>
    public static string[] Strings(DicomElement e, DicomCharset charset)
    {
        if (e.Value.IsEmpty) return [];
        if (DicomVRs.IsString(e.VR))
        {
            var cs = DicomVRs.UsesCharacterSet(e.VR) ? charset : DicomCharset.Default;
            var text = cs.Decode(e.Value.Span);
            if (DicomVRs.IsSingleText(e.VR)) return [text.TrimEnd(' ', '\0')];
            var parts = text.Split('\\');
            for (var i = 0; i < parts.Length; i++) parts[i] = parts[i].TrimEnd(' ', '\0');
            return parts;
        }
        if (e.VR == DicomVR.AT) return Tags(e).Select(t => t.ToJsonKey()).ToArray();
        return Numbers(e).Select(d => d.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// Numbers of US/SS/UL/SL/SV/UV/FL/FD/OF/OD and of IS/DS (unparseable or empty DS/IS components are NaN).
    /// Trailing bytes that do not fill a whole value are ignored.
    /// </summary>
    public static double[] Numbers(DicomElement e)
    {
        var s = e.Value.Span;
        switch (e.VR)
        {
            case DicomVR.US: return Each(s, 2, b => BinaryPrimitives.ReadUInt16LittleEndian(b));
            case DicomVR.SS: return Each(s, 2, b => BinaryPrimitives.ReadInt16LittleEndian(b));
            case DicomVR.UL: return Each(s, 4, b => BinaryPrimitives.ReadUInt32LittleEndian(b));
            case DicomVR.SL: return Each(s, 4, b => BinaryPrimitives.ReadInt32LittleEndian(b));
            case DicomVR.SV: return Each(s, 8, b => BinaryPrimitives.ReadInt64LittleEndian(b));
            case DicomVR.UV: return Each(s, 8, b => BinaryPrimitives.ReadUInt64LittleEndian(b));
            case DicomVR.FL or DicomVR.OF: return Each(s, 4, b => BinaryPrimitives.ReadSingleLittleEndian(b));
            case DicomVR.FD or DicomVR.OD: return Each(s, 8, b => BinaryPrimitives.ReadDoubleLittleEndian(b));
            case DicomVR.IS or DicomVR.DS:
                return Strings(e, DicomCharset.Default).Select(ParseDecimal).ToArray();
            default: return [];
        }
    }

    /// <summary>Parses one DS/IS component (surrounding spaces allowed); NaN when empty or malformed.</summary>
    public static double ParseDecimal(string s) =>
        double.TryParse(s.Trim(' ', '\0'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    /// <summary>Values of an AT element.</summary>
    public static DicomTag[] Tags(DicomElement e)
    {
        var s = e.Value.Span;
        var o = new DicomTag[s.Length / 4];
        for (var i = 0; i < o.Length; i++)
            o[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(s[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(s[(i * 4 + 2)..]));
        return o;
    }

    private delegate double Reader(ReadOnlySpan<byte> b);

    private static double[] Each(ReadOnlySpan<byte> s, int size, Reader r)
    {
        var o = new double[s.Length / size];
        for (var i = 0; i < o.Length; i++) o[i] = r(s.Slice(i * size, size));
        return o;
    }
}
