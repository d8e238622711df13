using System.Buffers.Binary;

namespace DiscScope.Imaging.Formats.Nifti;

/// <summary>
/// The fields of a NIfTI-1 header (nifti1.h, 348 bytes) that DiscScope reads or writes, with their byte offsets from the standard.
/// </summary>
internal sealed class NiftiHeader
{
    public const int Size = 348;
    public const int SingleFileDataOffset = 352;

    public bool BigEndian { get; set; }
    public short[] Dim { get; } = new short[8];
    public short DataType { get; set; }
    public short BitPix { get; set; }
    public float[] PixDim { get; } = new float[8];
    public float VoxOffset { get; set; }
    public float SclSlope { get; set; }
    public float SclInter { get; set; }
    public byte XyztUnits { get; set; }
    public string Descrip { get; set; } = "";
    public short QformCode { get; set; }
    public short SformCode { get; set; }
    public float QuaternB { get; set; }
    public float QuaternC { get; set; }
    public float QuaternD { get; set; }
    public float QoffsetX { get; set; }
    public float QoffsetY { get; set; }
    public float QoffsetZ { get; set; }
    public float[] SrowX { get; } = new float[4];
    public float[] SrowY { get; } = new float[4];
    public float[] SrowZ { get; } = new float[4];
    public string Magic { get; set; } = "n+1";

    /// <summary>True if the 348 bytes start with sizeof_hdr = 348 in either byte order.</summary>
    public static bool LooksLikeNifti1(ReadOnlySpan<byte> b) =>
        b.Length >= 4 && (BinaryPrimitives.ReadInt32LittleEndian(b) == Size || BinaryPrimitives.ReadInt32BigEndian(b) == Size);

    /// <summary>Parses the header; checks sizeof_hdr (choosing the byte order) and the magic.</summary>
    public static NiftiHeader Parse(ReadOnlySpan<byte> b, string path)
    {
        if (b.Length < Size) throw new ImageFormatException(path, $"file too short for a NIfTI-1 header: {b.Length} of {Size} bytes", b.Length);
        var le = BinaryPrimitives.ReadInt32LittleEndian(b);
        var be = BinaryPrimitives.ReadInt32BigEndian(b);
        var h = new NiftiHeader();
        if (le == Size) h.BigEndian = false;
        else if (be == Size) h.BigEndian = true;
        else if (le == 540 || be == 540) throw new ImageFormatException(path, "NIfTI-2 headers are not supported (sizeof_hdr 540)", 0);
        else throw new ImageFormatException(path, $"not a NIfTI-1 file: sizeof_hdr is {le}, expected 348", 0);

        var magic = System.Text.Encoding.ASCII.GetString(b.Slice(344, 4)).TrimEnd('\0');
        if (magic == "ni1") throw new ImageFormatException(path, "two-file NIfTI (.hdr/.img, magic ni1) is not supported; use a single .nii", 344);
        if (magic != "n+1") throw new ImageFormatException(path, $"bad NIfTI-1 magic '{Printable(b.Slice(344, 4))}', expected 'n+1'", 344);
        h.Magic = magic;

        for (var i = 0; i < 8; i++) h.Dim[i] = h.I16(b, 40 + 2 * i);
        h.DataType = h.I16(b, 70);
        h.BitPix = h.I16(b, 72);
        for (var i = 0; i < 8; i++) h.PixDim[i] = h.F32(b, 76 + 4 * i);
        h.VoxOffset = h.F32(b, 108);
        h.SclSlope = h.F32(b, 112);
        h.SclInter = h.F32(b, 116);
        h.XyztUnits = b[123];
        h.Descrip = System.Text.Encoding.ASCII.GetString(b.Slice(148, 80)).TrimEnd('\0');
        h.QformCode = h.I16(b, 252);
        h.SformCode = h.I16(b, 254);
        h.QuaternB = h.F32(b, 256); h.QuaternC = h.F32(b, 260); h.QuaternD = h.F32(b, 264);
        h.QoffsetX = h.F32(b, 268); h.QoffsetY = h.F32(b, 272); h.QoffsetZ = h.F32(b, 276);
        for (var i = 0; i < 4; i++)
        {
            h.SrowX[i] = h.F32(b, 280 + 4 * i);
            h.SrowY[i] = h.F32(b, 296 + 4 * i);
            h.SrowZ[i] = h.F32(b, 312 + 4 * i);
        }
        return h;
    }

    /// <summary>The 348 header bytes plus the 4-byte empty extension flag (little-endian, magic n+1).</summary>
    public byte[] ToBytes()
    {
        var b = new byte[SingleFileDataOffset];
        BinaryPrimitives.WriteInt32LittleEndian(b, Size);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(40 + 2 * i), Dim[i]);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(70), DataType);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(72), BitPix);
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(76 + 4 * i), PixDim[i]);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(108), VoxOffset);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(112), SclSlope);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(116), SclInter);
        b[123] = XyztUnits;
        var d = System.Text.Encoding.ASCII.GetBytes(Descrip);
        d.AsSpan(0, Math.Min(d.Length, 79)).CopyTo(b.AsSpan(148));
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(252), QformCode);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(254), SformCode);
        float[] q = [QuaternB, QuaternC, QuaternD, QoffsetX, QoffsetY, QoffsetZ];
        for (var i = 0; i < 6; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(256 + 4 * i), q[i]);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(280 + 4 * i), SrowX[i]);
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(296 + 4 * i), SrowY[i]);
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(312 + 4 * i), SrowZ[i]);
        }
        System.Text.Encoding.ASCII.GetBytes(Magic).CopyTo(b.AsSpan(344));
        return b;
    }

    private short I16(ReadOnlySpan<byte> b, int at) =>
        BigEndian ? BinaryPrimitives.ReadInt16BigEndian(b[at..]) : BinaryPrimitives.ReadInt16LittleEndian(b[at..]);

    private float F32(ReadOnlySpan<byte> b, int at) =>
        BigEndian ? BinaryPrimitives.ReadSingleBigEndian(b[at..]) : BinaryPrimitives.ReadSingleLittleEndian(b[at..]);

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var c = new char[b.Length];
        for (var i = 0; i < b.Length; i++) c[i] = b[i] is >= 32 and < 127 ? (char)b[i] : '?';
        return new string(c);
    }
}
