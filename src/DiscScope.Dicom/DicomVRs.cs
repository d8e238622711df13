namespace DiscScope.Dicom;

/// <summary>Encoding rules of each VR (PS3.5 section 6.2 and 7.1.2).</summary>
public static class DicomVRs
{
    /// <summary>Parses the two VR bytes of an explicit VR header; false for bytes that are no known VR.</summary>
    public static bool TryParse(byte a, byte b, out DicomVR vr)
    {
        vr = (DicomVR)(a << 8 | b);
        return IsKnown(vr);
    }

    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.FD or
        DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or
        DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL or DicomVR.SQ or DicomVR.SS or DicomVR.ST or
        DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UL or DicomVR.UN or DicomVR.UR or DicomVR.US or
        DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>VRs whose explicit header has 2 reserved bytes and a 32-bit length (PS3.5 table 7.1-1).</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV
        or DicomVR.OW or DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.UV;

    /// <summary>Character-string VRs (padded with a space).</summary>
    public static bool IsString(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS
        or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM
        or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>String VRs whose value is one text (backslash is no delimiter): LT, ST, UT, UR.</summary>
    public static bool IsSingleText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>String VRs that the Specific Character Set applies to (PS3.5 6.1.2.3); the others are default repertoire.</summary>
    public static bool UsesCharacterSet(DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>Binary VRs with opaque bytes (JSON InlineBinary).</summary>
    public static bool IsBinary(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV
        or DicomVR.OW or DicomVR.UN;

    /// <summary>Byte size of one numeric unit for byte swapping (1 = never swapped); AT swaps as two 16-bit words.</summary>
    public static int SwapUnit(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW or DicomVR.AT => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 1,
    };

    /// <summary>Byte size of one value of a fixed-size numeric VR, else 0.</summary>
    public static int ValueSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.SV or DicomVR.UV => 8,
        _ => 0,
    };

    /// <summary>The byte appended to odd-length values: NUL for UI and binary VRs, space for strings.</summary>
    public static byte PadByte(DicomVR vr) => IsString(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;
}
