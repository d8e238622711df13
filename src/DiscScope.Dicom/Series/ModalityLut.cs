using System.Buffers.Binary;

namespace DiscScope.Dicom;

/// <summary>Modality LUT (PS3.3 C.11.1): descriptor (entries, first mapped value, bits) and 16-bit data.</summary>
internal sealed class ModalityLut(int first, ushort[] data)
{
    public static ModalityLut? From(DicomDataset item)
    {
        var d = item.GetNumbers(DicomTag.LUTDescriptor);
        var e = item[DicomTag.LUTData];
        if (d.Length < 3 || e is null || !double.IsFinite(d[1]) || Math.Abs(d[1]) > 1 << 20) return null;
        var span = e.Value.Span;
        var n = d[0] is >= 1 and <= 65535 ? (int)d[0] : 65536; // 0 means 2^16 entries (PS3.3 C.11.1.1)
        var data = new ushort[Math.Min(n, span.Length / 2)];
        for (var i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadUInt16LittleEndian(span[(2 * i)..]);
        return data.Length == 0 ? null : new ModalityLut((int)d[1], data);
    }

    public double Map(double v) => data[Math.Clamp((int)v - first, 0, data.Length - 1)];
}
