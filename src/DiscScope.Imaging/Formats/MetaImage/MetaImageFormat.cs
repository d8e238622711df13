using System.Globalization;
using System.IO.Compression;
using System.Text;
using DiscScope.Imaging.Formats.Common;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Formats.MetaImage;

/// <summary>
/// ITK MetaImage (MetaIO): <c>.mha</c> (header and data in one file) and <c>.mhd</c> (header, data in ElementDataFile).
/// </summary>
/// <remarks>
/// Reading: NDims 2 or 3; ElementNumberOfChannels 1; ElementType MET_UCHAR..MET_DOUBLE; binary data only, LOCAL or one
/// data file beside the header (HeaderSize &gt;= 0 or -1 honoured for uncompressed data files); CompressedData = True
/// is zlib (RFC 1950); BinaryDataByteOrderMSB (or ElementByteOrderMSB) for big-endian data. Geometry in LPS, as ITK:
/// ElementSpacing (else ElementSize, else 1), origin from Offset, Position or Origin, and TransformMatrix (or Rotation,
/// Orientation) whose values come in groups of NDims, each group one direction column (the axis of i, then j, then k),
/// as itk::MetaImageIO passes each group to ImageIOBase::SetDirection(axis, vector). AnatomicalOrientation is ignored.
/// Writing: <c>.mha</c> zlib-compressed (fastest level) with ElementDataFile = LOCAL; <c>.mhd</c> uncompressed with the voxels in a
/// <c>.raw</c> file of the same name. Always NDims 3, little-endian.
/// </remarks>
public sealed class MetaImageFormat : IVolumeFormat
{
    public string Name => "metaimage";
    public IReadOnlyList<string> Extensions { get; } = [".mha", ".mhd"];
    public bool CanWrite => true;

    public bool Detect(ReadOnlySpan<byte> head)
    {
        var t = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 64)]).TrimStart();
        return t.StartsWith("ObjectType", StringComparison.OrdinalIgnoreCase) || t.StartsWith("NDims", StringComparison.OrdinalIgnoreCase);
    }

    public IVolume Read(string path, ReadOptions options) => StreamReading.Guard(path, () => ReadCore(path));

    /// <summary>
    /// The full path of a detached header's data file, or null when it would lie outside the header's folder: an absolute path, a "..",
    /// or a symbolic link (to the file or to a folder on the way to it, which could lead anywhere). MetaIO resolves the name relative to the
    /// header; a hostile header must not make a service read an arbitrary file on its host (e.g. /etc/passwd) as voxels.
    /// </summary>
    internal static string? DataFileBesideHeader(string headerPath, string dataFile)
    {
        if (Path.IsPathRooted(dataFile)) return null;
        var dir = Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? Path.GetFullPath("."));
        var full = Path.GetFullPath(Path.Combine(dir, dataFile));
        if (!full.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        var step = dir;
        foreach (var part in full[(dir.Length + 1)..].Split(Path.DirectorySeparatorChar))
        {
            step = Path.Combine(step, part);
            FileSystemInfo entry = Directory.Exists(step) ? new DirectoryInfo(step) : new FileInfo(step);
            if (entry.Exists && entry.LinkTarget is not null) return null;
        }
        return full;
    }

    private static IVolume ReadCore(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (fs.Length == 0) throw new ImageFormatException(path, "empty file", 0);
        var head = new byte[(int)Math.Min(fs.Length, MetaImageHeader.MaxHeaderBytes)];
        StreamReading.Exactly(fs, head, path, 0, "MetaImage header");
        var h = MetaImageHeader.Parse(head, path, head.Length == fs.Length);

        var objectType = h.Text("ObjectType");
        if (objectType is not null && !objectType.Equals("Image", StringComparison.OrdinalIgnoreCase))
            throw new ImageFormatException(path, $"ObjectType {objectType} is not supported, only Image", h.OffsetOf("ObjectType"));
        var ndText = h.Text("NDims") ?? throw new ImageFormatException(path, "NDims is missing", 0);
        if (!int.TryParse(ndText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nd) || nd < 2 || nd > 3)
            throw new ImageFormatException(path, $"NDims must be 2 or 3, found '{ndText}'", h.OffsetOf("NDims"));
        var channels = h.Integers(1, "ElementNumberOfChannels")?[0] ?? 1;
        if (channels != 1) throw new ImageFormatException(path, $"ElementNumberOfChannels {channels} is not supported, only 1", h.OffsetOf("ElementNumberOfChannels"));
        if (!h.Bool(true, "BinaryData")) throw new ImageFormatException(path, "ASCII data (BinaryData = False) is not supported", h.OffsetOf("BinaryData"));

        var dims = h.Integers(nd, "DimSize") ?? throw new ImageFormatException(path, "DimSize is missing", 0);
        var typeName = h.Text("ElementType") ?? throw new ImageFormatException(path, "ElementType is missing", 0);
        var type = MetaImageElementTypes.Parse(typeName)
            ?? throw new ImageFormatException(path, $"unsupported ElementType '{typeName}'", h.OffsetOf("ElementType"));
        var elem = VoxelTypes.SizeOf(type);
        var sizes = new long[] { dims[0], dims[1], nd == 3 ? dims[2] : 1 };
        var payload = FormatLimits.PayloadBytes(path, sizes, elem, h.OffsetOf("DimSize"));
        var geometry = Geometry(h, nd, sizes, path);
        var msb = h.Bool(false, "BinaryDataByteOrderMSB", "ElementByteOrderMSB");
        var compressed = h.Bool(false, "CompressedData");

        var dataFile = h.Text("ElementDataFile")!;
        Stream data;
        long dataStart, available;
        FileStream? external = null;
        try
        {
            if (dataFile.Equals("LOCAL", StringComparison.OrdinalIgnoreCase))
            {
                data = fs; dataStart = h.DataOffset; available = fs.Length - dataStart;
            }
            else
            {
                if (dataFile.Equals("LIST", StringComparison.OrdinalIgnoreCase) || dataFile.StartsWith("LIST ", StringComparison.OrdinalIgnoreCase) || dataFile.Contains('%'))
                    throw new ImageFormatException(path, $"ElementDataFile '{dataFile}' (a list or pattern of files) is not supported", h.OffsetOf("ElementDataFile"));
                var rawPath = DataFileBesideHeader(path, dataFile)
                    ?? throw new ImageFormatException(path, $"ElementDataFile '{dataFile}' points outside the header's folder; only a file in that folder (or below it) is read", h.OffsetOf("ElementDataFile"));
                if (!File.Exists(rawPath)) throw new ImageFormatException(path, $"ElementDataFile '{dataFile}' not found beside the header", h.OffsetOf("ElementDataFile"));
                external = new FileStream(rawPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                data = external; dataStart = 0; available = external.Length;
                var headerSize = h.Integers(1, "HeaderSize")?[0] ?? 0;
                if (headerSize == -1 && !compressed) dataStart = Math.Max(0, available - payload);
                else if (headerSize >= 0) dataStart = headerSize;
                else throw new ImageFormatException(path, $"HeaderSize {headerSize} is not supported", h.OffsetOf("HeaderSize"));
                if (dataStart > available) throw new ImageFormatException(rawPath, $"HeaderSize {dataStart} is past the end of the {available}-byte data file", available);
                available -= dataStart;
            }
            var where = external?.Name ?? path;
            data.Position = dataStart;

            if (compressed)
            {
                var declared = h.Integers(1, "CompressedDataSize")?[0];
                if (declared is { } cds)
                {
                    if (cds <= 0 || cds > available)
                        throw new ImageFormatException(where, $"CompressedDataSize {cds} does not fit the {available} bytes after the header", dataStart + available);
                    available = cds;
                }
                if (payload > FormatLimits.MaxInflated(available))
                    throw new ImageFormatException(where, $"header declares {payload} voxel bytes, more than {available} zlib bytes can expand to", dataStart);
                using var z = new ZLibStream(data, CompressionMode.Decompress, leaveOpen: true);
                var v = Fill(type, geometry, z, where, 0, msb, elem, "decompressed voxel data");
                StreamReading.DrainToEnd(z);
                return v;
            }
            if (payload > available)
                throw new ImageFormatException(where, $"data shorter than declared: {string.Join('x', sizes)} x {elem} bytes need {payload}, found {available}", dataStart + available);
            return Fill(type, geometry, data, where, dataStart, msb, elem, "voxel data");
        }
        finally { external?.Dispose(); }
    }

    private static IVolume Fill(VoxelType type, ImageGeometry g, Stream s, string path, long offset, bool msb, int elem, string what)
    {
        var v = VoxelBuffer.Allocate(type, g);
        var bytes = VoxelBuffer.Bytes(v);
        StreamReading.Exactly(s, bytes, path, offset, what);
        if (msb) Endian.Swap(bytes, elem);
        return v;
    }

    private static ImageGeometry Geometry(MetaImageHeader h, int nd, long[] sizes, string path)
    {
        var sp = h.Numbers(nd, "ElementSpacing") ?? h.Numbers(nd, "ElementSize") ?? Enumerable.Repeat(1.0, nd).ToArray();
        foreach (var x in sp)
            if (!(x > 0)) throw new ImageFormatException(path, $"ElementSpacing must be positive, found {string.Join(' ', sp)}", h.OffsetOf("ElementSpacing", "ElementSize"));
        var or = h.Numbers(nd, "Offset", "Position", "Origin") ?? new double[nd];
        var tm = h.Numbers(nd * nd, "TransformMatrix", "Rotation", "Orientation");
        var cols = new Vec3[3];
        for (var c = 0; c < 3; c++)
        {
            if (c >= nd) { cols[c] = new Vec3(0, 0, 1); continue; }
            cols[c] = tm is null ? Orientation.Axis("LPS"[c])
                : nd == 3 ? new Vec3(tm[3 * c], tm[3 * c + 1], tm[3 * c + 2]) : new Vec3(tm[2 * c], tm[2 * c + 1], 0);
            if (cols[c].Length == 0) throw new ImageFormatException(path, $"TransformMatrix has a zero direction for axis {c}", h.OffsetOf("TransformMatrix", "Rotation", "Orientation"));
        }
        return new ImageGeometry((int)sizes[0], (int)sizes[1], (int)sizes[2],
            new Vec3(sp[0], sp[1], nd == 3 ? sp[2] : 1), new Vec3(or[0], or[1], nd == 3 ? or[2] : 0), Matrix3.FromColumns(cols[0], cols[1], cols[2]));
    }

    public void Write(IVolume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing MetaImage needs a little-endian machine");
        var mhd = path.EndsWith(".mhd", StringComparison.OrdinalIgnoreCase);
        var g = volume.Geometry;
        string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string V(Vec3 v) => $"{N(v.X)} {N(v.Y)} {N(v.Z)}";
        var sb = new StringBuilder();
        sb.Append("ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n");
        byte[]? packed = null;
        if (mhd) sb.Append("CompressedData = False\n");
        else
        {
            using var ms = new MemoryStream();
            using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(volume.AsBytes());
            packed = ms.ToArray();
            sb.Append("CompressedData = True\n").Append("CompressedDataSize = ").Append(packed.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        sb.Append("TransformMatrix = ").Append(V(g.Direction.Column(0))).Append(' ').Append(V(g.Direction.Column(1))).Append(' ').Append(V(g.Direction.Column(2))).Append('\n');
        sb.Append("Offset = ").Append(V(g.Origin)).Append('\n');
        sb.Append("CenterOfRotation = 0 0 0\n");
        sb.Append("ElementSpacing = ").Append(V(g.Spacing)).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"DimSize = {g.SizeI} {g.SizeJ} {g.SizeK}\n");
        sb.Append("ElementType = ").Append(MetaImageElementTypes.Name(volume.VoxelType)).Append('\n');
        var rawPath = Path.ChangeExtension(path, ".raw");
        sb.Append("ElementDataFile = ").Append(mhd ? Path.GetFileName(rawPath) : "LOCAL").Append('\n');

        using (var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            fs.Write(Encoding.ASCII.GetBytes(sb.ToString()));
            if (packed is not null) fs.Write(packed);
        }
        if (mhd)
        {
            using var raw = new FileStream(rawPath, FileMode.Create, FileAccess.Write);
            raw.Write(volume.AsBytes());
        }
    }
}
