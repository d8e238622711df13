namespace DiscScope.Dicom;

/// <summary>
/// A transfer syntax (PS3.5 section 10, UIDs from PS3.6 annex A): how the data set is encoded and whether pixel data
/// is encapsulated. Unknown UIDs are treated as encapsulated Explicit VR Little Endian (PS3.5 A.4).
/// </summary>
public sealed record TransferSyntax(string Uid, string Name, bool ExplicitVR, bool BigEndian, bool Deflated, bool Encapsulated)
{
    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);
    public static readonly TransferSyntax RleLossless = Enc("1.2.840.10008.1.2.5", "RLE Lossless");
    public static readonly TransferSyntax JpegBaseline = Enc("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    public static readonly TransferSyntax JpegExtended = Enc("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    public static readonly TransferSyntax JpegLossless = Enc("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    public static readonly TransferSyntax JpegLosslessSV1 = Enc("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, SV1)");
    public static readonly TransferSyntax JpegLsLossless = Enc("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
    public static readonly TransferSyntax JpegLsNearLossless = Enc("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)");
    public static readonly TransferSyntax Jpeg2000Lossless = Enc("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)");
    public static readonly TransferSyntax Jpeg2000 = Enc("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression");
    public static readonly TransferSyntax HtJpeg2000Lossless = Enc("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)");
    public static readonly TransferSyntax HtJpeg2000RpclLossless = Enc("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)");
    public static readonly TransferSyntax HtJpeg2000 = Enc("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000");
    public static readonly TransferSyntax DeflatedImageFrameCompression = Enc("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression");

    private static readonly TransferSyntax[] Known =
    [
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, RleLossless,
        JpegBaseline, JpegExtended, JpegLossless, JpegLosslessSV1, JpegLsLossless, JpegLsNearLossless, Jpeg2000Lossless, Jpeg2000,
        HtJpeg2000Lossless, HtJpeg2000RpclLossless, HtJpeg2000, DeflatedImageFrameCompression,
        Enc("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component (Lossless Only)"),
        Enc("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component"),
        Enc("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level"),
        Enc("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
        Enc("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
        Enc("1.2.840.10008.1.2.4.94", "JPIP Referenced"),
        Enc("1.2.840.10008.1.2.4.110", "JPEG XL Lossless"),
        Enc("1.2.840.10008.1.2.4.112", "JPEG XL"),
    ];

    /// <summary>True for the JPEG Lossless syntaxes (process 14).</summary>
    public bool IsLossless => Uid is "1.2.840.10008.1.2" or "1.2.840.10008.1.2.1" or "1.2.840.10008.1.2.1.99" or "1.2.840.10008.1.2.2"
        or "1.2.840.10008.1.2.5" or "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70" or "1.2.840.10008.1.2.4.80"
        or "1.2.840.10008.1.2.4.90" or "1.2.840.10008.1.2.4.201" or "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.8.1";

    /// <summary>The transfer syntax with this UID (trailing NUL/space removed); unknown UIDs give an encapsulated explicit LE syntax.</summary>
    public static TransferSyntax Parse(string uid)
    {
        uid = uid.Trim('\0', ' ');
        foreach (var t in Known) if (t.Uid == uid) return t;
        return Enc(uid, "unknown transfer syntax " + uid);
    }

    public override string ToString() => $"{Name} ({Uid})";

    private static TransferSyntax Enc(string uid, string name) => new(uid, name, true, false, false, true);
}
