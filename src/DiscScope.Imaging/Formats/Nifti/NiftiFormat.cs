using System.IO.Compression;
using DiscScope.Imaging.Formats.Common;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Formats.Nifti;

/// <summary>
/// NIfTI-1 single-file images (<c>.nii</c>, and gzip-compressed <c>.nii.gz</c>), after nifti1.h (NIfTI DFWG, 2004).
/// </summary>
/// <remarks>
/// Reading: either byte order (chosen by sizeof_hdr); geometry from the sform when sform_code &gt; 0, else the qform
/// (quaternion, qoffset, qfac = pixdim[0]) when qform_code &gt; 0, else pixdim alone; RAS is turned into LPS by negating
/// the x and y rows. Spatial units (xyzt_units) are taken as millimetres whatever they say. dim[0] may be 1..7, but every
/// dimension past the third must be 1: a true 4D (or higher) image is refused rather than cut to its first volume.
/// scl_slope/scl_inter are applied unless the slope is 0, NaN or infinite, or the pair is (1, 0): scaled data becomes
/// float64 when the stored type is float64 or a 32/64-bit integer (to keep its precision), else float32.
/// Writing: little-endian, magic n+1, vox_offset 352, no extensions, qform and sform both with code 1 (scanner),
/// xyzt_units mm and s, scl_slope 1 and scl_inter 0. Files ending in .gz are gzip-compressed at the fastest level.
/// </remarks>
public sealed class NiftiFormat : IVolumeFormat
{
    public string Name => "nifti";
    public IReadOnlyList<string> Extensions { get; } = [".nii", ".nii.gz"];
    public bool CanWrite => true;

    /// <summary>True for an uncompressed NIfTI-1 header with the n+1 magic (gzip files are recognised by name only).</summary>
    public bool Detect(ReadOnlySpan<byte> head) =>
        head.Length >= NiftiHeader.Size && NiftiHeader.LooksLikeNifti1(head) && head[344] == (byte)'n' && head[345] == (byte)'+' && head[346] == (byte)'1';

    public IVolume Read(string path, ReadOptions options) => StreamReading.Guard(path, () => ReadCore(path));

    private static IVolume ReadCore(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var fileLength = fs.Length;
        if (fileLength == 0) throw new ImageFormatException(path, "empty file", 0);
        var magic = new byte[2];
        var m = fs.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        fs.Position = 0;
        var gz = m == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        using Stream s = gz ? new GZipStream(fs, CompressionMode.Decompress) : fs;

        var hb = new byte[NiftiHeader.Size];
        StreamReading.Exactly(s, hb, path, 0, "NIfTI header");
        var h = NiftiHeader.Parse(hb, path);

        var nd = h.Dim[0];
        if (nd < 1 || nd > 7) throw new ImageFormatException(path, $"dim[0] must be 1..7, found {nd}", 40);
        var sizes = new long[3] { 1, 1, 1 };
        for (var d = 1; d <= nd; d++)
        {
            if (h.Dim[d] < 1) throw new ImageFormatException(path, $"dim[{d}] must be positive, found {h.Dim[d]}", 40 + 2 * d);
            if (d <= 3) sizes[d - 1] = h.Dim[d];
            else if (h.Dim[d] != 1)
                throw new ImageFormatException(path, $"a {nd}D image (dim[{d}] = {h.Dim[d]}) is not supported; only 2D/3D, with any further dimensions of size 1", 40 + 2 * d);
        }

        var type = NiftiDataTypes.ToVoxelType(h.DataType)
            ?? throw new ImageFormatException(path, $"unsupported NIfTI datatype {NiftiDataTypes.Describe(h.DataType)}", 70);
        var elem = VoxelTypes.SizeOf(type);
        if (!float.IsFinite(h.VoxOffset) || h.VoxOffset < NiftiHeader.Size || h.VoxOffset != MathF.Floor(h.VoxOffset) || h.VoxOffset > int.MaxValue)
            throw new ImageFormatException(path, $"vox_offset {h.VoxOffset} is not a whole number of bytes at or after the 348-byte header", 108);
        var voxOffset = (long)h.VoxOffset;
        var payload = FormatLimits.PayloadBytes(path, sizes, elem, 40);
        var needed = voxOffset + payload;
        if (!gz && needed > fileLength)
            throw new ImageFormatException(path, $"data shorter than declared: header needs {needed} bytes ({string.Join('x', sizes)} x {elem} from offset {voxOffset}), file has {fileLength}", fileLength);
        if (gz && needed > FormatLimits.MaxInflated(fileLength))
            throw new ImageFormatException(path, $"header declares {needed} bytes, more than a {fileLength}-byte gzip file can expand to", 40);

        var geometry = NiftiAffine.ToGeometry(h, (int)sizes[0], (int)sizes[1], (int)sizes[2], path);
        StreamReading.Skip(s, voxOffset - NiftiHeader.Size, path, NiftiHeader.Size, "header extension");
        var volume = VoxelBuffer.Allocate(type, geometry);
        var bytes = VoxelBuffer.Bytes(volume);
        StreamReading.Exactly(s, bytes, path, voxOffset, "voxel data");
        if (gz) StreamReading.DrainToEnd(s);
        if (h.BigEndian) Endian.Swap(bytes, elem);
        return Scale(volume, h);
    }

    private static IVolume Scale(IVolume raw, NiftiHeader h)
    {
        double slope = h.SclSlope, inter = float.IsFinite(h.SclInter) ? h.SclInter : 0;
        if (!double.IsFinite(slope) || slope == 0 || (slope == 1 && inter == 0)) return raw;
        var wide = raw.VoxelType is VoxelType.Float64 or VoxelType.Int32 or VoxelType.UInt32 or VoxelType.Int64 or VoxelType.UInt64;
        if (wide)
        {
            var o = new double[raw.Length];
            for (long n = 0; n < o.LongLength; n++) o[n] = raw.GetDouble(n) * slope + inter;
            return new Volume<double>(raw.Geometry, o);
        }
        var f = new float[raw.Length];
        for (long n = 0; n < f.LongLength; n++) f[n] = (float)(raw.GetDouble(n) * slope + inter);
        return new Volume<float>(raw.Geometry, f);
    }

    public void Write(IVolume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        if (g.SizeI > short.MaxValue || g.SizeJ > short.MaxValue || g.SizeK > short.MaxValue)
            throw new ImageFormatException(path, $"NIfTI-1 sizes are 16-bit: {g.SizeI}x{g.SizeJ}x{g.SizeK} does not fit");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing NIfTI needs a little-endian machine");
        var h = new NiftiHeader
        {
            DataType = NiftiDataTypes.ToCode(volume.VoxelType),
            BitPix = (short)(8 * VoxelTypes.SizeOf(volume.VoxelType)),
            VoxOffset = NiftiHeader.SingleFileDataOffset,
            SclSlope = 1, SclInter = 0,
            XyztUnits = 2 | 8, // NIFTI_UNITS_MM | NIFTI_UNITS_SEC
            Descrip = "DiscScope",
        };
        h.Dim[0] = 3; h.Dim[1] = (short)g.SizeI; h.Dim[2] = (short)g.SizeJ; h.Dim[3] = (short)g.SizeK;
        for (var d = 4; d < 8; d++) { h.Dim[d] = 1; h.PixDim[d] = 1; }
        NiftiAffine.FromGeometry(g, h);

        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionLevel.Fastest) : fs;
        s.Write(h.ToBytes());
        s.Write(volume.AsBytes());
    }
}
