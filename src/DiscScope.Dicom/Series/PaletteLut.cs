using System.Buffers.Binary;

namespace DiscScope.Dicom;

/// <summary>Palette Color lookup (PS3.3 C.7.6.3.1.5) reduced to luminance.</summary>
internal sealed class PaletteLut(int first, ushort[] r, ushort[] g, ushort[] b)
{
    public static PaletteLut? From(DicomDataset ds)
    {
        var d = ds.GetNumbers(DicomTag.RedPaletteColorLookupTableDescriptor);
        if (d.Length < 3 || !double.IsFinite(d[1]) || Math.Abs(d[1]) > 1 << 20) return null;
        ushort[]? Read(DicomTag t)
        {
            var e = ds[t];
            if (e is null) return null;
            var s = e.Value.Span;
            var o = new ushort[s.Length / 2];
            for (var i = 0; i < o.Length; i++) o[i] = BinaryPrimitives.ReadUInt16LittleEndian(s[(2 * i)..]);
            return o;
        }
        var r = Read(DicomTag.RedPaletteColorLookupTableData); var g = Read(DicomTag.GreenPaletteColorLookupTableData); var b = Read(DicomTag.BluePaletteColorLookupTableData);
        return r is { Length: > 0 } && g is { Length: > 0 } && b is { Length: > 0 } ? new PaletteLut((int)d[1], r, g, b) : null;
    }

    public double Luminance(double v)
    {
        var i = (int)v - first;
        return 0.299 * r[Math.Clamp(i, 0, r.Length - 1)] + 0.587 * g[Math.Clamp(i, 0, g.Length - 1)] + 0.114 * b[Math.Clamp(i, 0, b.Length - 1)];
    }
}
