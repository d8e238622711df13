using System.Globalization;
using System.IO.Compression;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// The 5 FMRP/USP lumbar T2 volumes (mri3d/fmrp_ivd; research use, licence unverified) with per-level disc masks
/// (1 = L5-S1 .. 5 = L1-L2 = SPIDER IVD label). Their files carry an identity matrix; the MANIFEST states x = anterior->posterior,
/// y = superior->inferior, z = sagittal slice, so the volumes are returned in the canonical PIL frame (z taken as right->left, unverified).
/// </summary>
public static class FmrpData
{
    public static readonly string[] Cases = ["case11", "case20", "case25", "case42", "case46"];

    /// <summary>The canonical sagittal direction (columns P, rows I, slices L).</summary>
    public static Matrix3 PilDirection => Matrix3.FromColumns(new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0));

    public static (Volume<float> Image, Volume<byte> DiscLevels) Load(string dataRoot, string caseId)
    {
        var dir = Path.Combine(dataRoot, "mri3d", "fmrp_ivd");
        var img = ReadMha(Path.Combine(dir, caseId + "_image.mha"));
        var msk = ReadMha(Path.Combine(dir, caseId + "_ivd_mask.mha"));
        var g = new ImageGeometry(img.Size[0], img.Size[1], img.Size[2], new Vec3(img.Spacing[0], img.Spacing[1], img.Spacing[2]), Vec3.Zero, PilDirection);
        return (new Volume<float>(g, img.Values), new Volume<byte>(g, [.. msk.Values.Select(v => (byte)v)]));
    }

    /// <summary>Minimal MetaImage reader for these files (MET_UCHAR / MET_USHORT, LOCAL data, optional zlib); the general reader lives in Imaging.Formats.</summary>
    private static (int[] Size, double[] Spacing, float[] Values) ReadMha(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pos = 0;
        while (true)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', pos);
            var line = System.Text.Encoding.ASCII.GetString(bytes, pos, end - pos).TrimEnd('\r');
            pos = end + 1;
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line[..eq].Trim(); header[key] = line[(eq + 1)..].Trim();
            if (key.Equals("ElementDataFile", StringComparison.OrdinalIgnoreCase)) break;
        }
        var size = header["DimSize"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var spacing = (header.GetValueOrDefault("ElementSpacing") ?? "1 1 1").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var n = size.Aggregate(1, (a, b) => a * b);
        var type = header["ElementType"];
        var bpp = type switch { "MET_UCHAR" => 1, "MET_USHORT" => 2, _ => throw new InvalidDataException($"{path}: element type {type} not supported here") };
        var raw = new byte[n * bpp];
        if (header.TryGetValue("CompressedData", out var c) && c.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            using var z = new ZLibStream(new MemoryStream(bytes, pos, bytes.Length - pos), CompressionMode.Decompress);
            z.ReadExactly(raw);
        }
        else Array.Copy(bytes, pos, raw, 0, raw.Length);
        var values = new float[n];
        for (var i = 0; i < n; i++) values[i] = bpp == 1 ? raw[i] : BitConverter.ToUInt16(raw, 2 * i);
        return (size, spacing, values);
    }
}
