using System.Buffers.Binary;
using System.Text;
using DiscScope.Imaging.Formats.Common;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Formats.Npy;

/// <summary>
/// NumPy <c>.npy</c> arrays (format versions 1.0, 2.0 and 3.0 of numpy.lib.format). No geometry: spacing 1, origin 0, identity.
/// </summary>
/// <remarks>
/// Shape convention: the array is indexed <c>a[k, j, i]</c>, so a shape (K, J, I) array is a volume of SizeI = I, SizeJ = J,
/// SizeK = K with i fastest in C order; shape (J, I) is one slice and (I) one row. Leading dimensions of size 1 beyond the third
/// are dropped. Fortran-order files hold the same logical array and are transposed on reading. dtypes: u1 i1 u2 i2 u4 i4 u8 i8
/// f4 f8 with byte order '&lt;', '&gt;', '|' or '='. Writing: version 1.0, C order, little-endian, shape (K, J, I).
/// </remarks>
public sealed class NpyFormat : IVolumeFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Largest header NumPy itself accepts by default (numpy.lib.format max_header_size).</summary>
    private const int MaxHeaderLength = 10000;

    public string Name => "npy";
    public IReadOnlyList<string> Extensions { get; } = [".npy"];
    public bool CanWrite => true;

    public bool Detect(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    public IVolume Read(string path, ReadOptions options) => StreamReading.Guard(path, () => ReadCore(path));

    private static IVolume ReadCore(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = fs.Length;
        if (length == 0) throw new ImageFormatException(path, "empty file", 0);
        var pre = new byte[8];
        StreamReading.Exactly(fs, pre, path, 0, ".npy preamble");
        if (!pre.AsSpan().StartsWith(Magic)) throw new ImageFormatException(path, "not a .npy file (magic \\x93NUMPY missing)", 0);
        var major = pre[6];
        int headerLength;
        long headerStart;
        if (major == 1)
        {
            var l = new byte[2];
            StreamReading.Exactly(fs, l, path, 8, ".npy header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(l);
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            var l = new byte[4];
            StreamReading.Exactly(fs, l, path, 8, ".npy header length");
            var hl = BinaryPrimitives.ReadUInt32LittleEndian(l);
            if (hl > MaxHeaderLength) throw new ImageFormatException(path, $"header length {hl} exceeds {MaxHeaderLength} bytes", 8);
            headerLength = (int)hl;
            headerStart = 12;
        }
        else throw new ImageFormatException(path, $"unsupported .npy format version {major}.{pre[7]}", 6);
        if (headerLength > MaxHeaderLength) throw new ImageFormatException(path, $"header length {headerLength} exceeds {MaxHeaderLength} bytes", 8);
        if (headerStart + headerLength > length)
            throw new ImageFormatException(path, $"header of {headerLength} bytes runs past the end of the {length}-byte file", length);
        var hb = new byte[headerLength];
        StreamReading.Exactly(fs, hb, path, headerStart, ".npy header");
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(hb);
        var h = NpyHeader.Parse(text, path, headerStart);

        var (type, bigEndian) = ParseDescr(h.Descr, path, headerStart);
        var elem = VoxelTypes.SizeOf(type);
        var shape = h.Shape;
        if (shape.Length == 0) throw new ImageFormatException(path, "a 0-dimensional (scalar) array is not an image", headerStart);
        var drop = 0;
        while (shape.Length - drop > 3 && shape[drop] == 1) drop++;
        var eff = shape[drop..];
        if (eff.Length > 3) throw new ImageFormatException(path, $"shape ({string.Join(", ", shape)}) has more than 3 dimensions larger than 1", headerStart);
        // (K, J, I) in C order: the last entry varies fastest and is i.
        var sizes = new long[] { eff[^1], eff.Length >= 2 ? eff[^2] : 1, eff.Length >= 3 ? eff[^3] : 1 };
        var payload = FormatLimits.PayloadBytes(path, sizes, elem, headerStart);
        var dataStart = headerStart + headerLength;
        if (dataStart + payload > length)
            throw new ImageFormatException(path, $"data shorter than declared: shape ({string.Join(", ", shape)}) of {elem}-byte {h.Descr} needs {payload} bytes, {length - dataStart} present", length);

        var g = ImageGeometry.Simple((int)sizes[0], (int)sizes[1], (int)sizes[2]);
        var v = VoxelBuffer.Allocate(type, g);
        var bytes = VoxelBuffer.Bytes(v);
        if (h.FortranOrder && eff.Length > 1)
        {
            // Fortran order stores the first index of a[k, j, i] fastest: memory = k + K*(j + J*i).
            var tmp = new byte[payload];
            StreamReading.Exactly(fs, tmp, path, dataStart, "array data");
            Transpose(tmp, bytes, (int)sizes[0], (int)sizes[1], (int)sizes[2], elem);
        }
        else StreamReading.Exactly(fs, bytes, path, dataStart, "array data");
        if (bigEndian) Endian.Swap(bytes, elem);
        return v;
    }

    private static void Transpose(byte[] src, Span<byte> dst, int ni, int nj, int nk, int elem)
    {
        for (var k = 0; k < nk; k++)
            for (var j = 0; j < nj; j++)
                for (var i = 0; i < ni; i++)
                {
                    var from = (k + (long)nk * (j + (long)nj * i)) * elem;
                    var to = (i + (long)ni * (j + (long)nj * k)) * elem;
                    src.AsSpan((int)from, elem).CopyTo(dst.Slice((int)to, elem));
                }
    }

    private static (VoxelType Type, bool BigEndian) ParseDescr(string d, string path, long offset)
    {
        if (d.Length < 2) throw new ImageFormatException(path, $"unsupported dtype '{d}'", offset);
        var order = d[0];
        var code = d[1..];
        if (order is not ('<' or '>' or '|' or '=')) { order = '='; code = d; }
        VoxelType? t = code switch
        {
            "u1" or "B" => VoxelType.UInt8, "i1" or "b" => VoxelType.Int8,
            "u2" => VoxelType.UInt16, "i2" => VoxelType.Int16, "u4" => VoxelType.UInt32, "i4" => VoxelType.Int32,
            "u8" => VoxelType.UInt64, "i8" => VoxelType.Int64, "f4" => VoxelType.Float32, "f8" => VoxelType.Float64,
            _ => null,
        };
        if (t is null) throw new ImageFormatException(path, $"unsupported dtype '{d}' (need u1 i1 u2 i2 u4 i4 u8 i8 f4 f8)", offset);
        var big = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        return (t.Value, big);
    }

    public void Write(IVolume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing .npy needs a little-endian machine");
        var g = volume.Geometry;
        var descr = volume.VoxelType switch
        {
            VoxelType.UInt8 => "|u1", VoxelType.Int8 => "|i1", VoxelType.UInt16 => "<u2", VoxelType.Int16 => "<i2",
            VoxelType.UInt32 => "<u4", VoxelType.Int32 => "<i4", VoxelType.UInt64 => "<u8", VoxelType.Int64 => "<i8",
            VoxelType.Float32 => "<f4", VoxelType.Float64 => "<f8",
            _ => throw new ImageFormatException(path, $"no .npy dtype for {volume.VoxelType}"),
        };
        var dict = new NpyHeader(descr, false, [g.SizeK, g.SizeJ, g.SizeI]).Format();
        // Pad with spaces and a final newline so that magic + length + header is a multiple of 64 bytes (numpy.lib.format).
        var total = 10 + dict.Length + 1;
        var pad = (64 - total % 64) % 64;
        var header = dict + new string(' ', pad) + "\n";
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write);
        fs.Write(Magic);
        fs.Write([1, 0]);
        var len = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        fs.Write(len);
        fs.Write(Encoding.Latin1.GetBytes(header));
        fs.Write(volume.AsBytes());
    }
}
