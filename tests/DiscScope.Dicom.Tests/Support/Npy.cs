using System.Text;
using System.Text.RegularExpressions;

namespace DiscScope.Dicom.Tests.Support;

/// <summary>Minimal reader of NumPy .npy files (format 1.0/2.0, C order) for pydicom's reference pixel arrays.</summary>
public sealed partial record Npy(string Dtype, int[] Shape, byte[] Data)
{
    public static Npy Read(string path)
    {
        var b = File.ReadAllBytes(path);
        int headerLen, start;
        if (b[6] == 1) { headerLen = BitConverter.ToUInt16(b, 8); start = 10; }
        else { headerLen = BitConverter.ToInt32(b, 8); start = 12; }
        var header = Encoding.ASCII.GetString(b, start, headerLen);
        var dtype = DescrRe().Match(header).Groups[1].Value;
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal)) throw new NotSupportedException("fortran order");
        var shapeText = ShapeRe().Match(header).Groups[1].Value;
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        return new Npy(dtype, shape, b[(start + headerLen)..]);
    }

    /// <summary>The same array with little-endian elements (pydicom returns big-endian dtypes for big-endian files).</summary>
    public Npy LittleEndian()
    {
        if (!Dtype.StartsWith('>')) return this;
        var size = int.Parse(Dtype[2..], System.Globalization.CultureInfo.InvariantCulture);
        var d = (byte[])Data.Clone();
        for (var i = 0; i + size <= d.Length; i += size) Array.Reverse(d, i, size);
        return this with { Dtype = "<" + Dtype[1..], Data = d };
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")] private static partial Regex DescrRe();
    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")] private static partial Regex ShapeRe();
}
