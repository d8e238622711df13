using System.Buffers.Binary;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>Byte patching for building broken files in tests.</summary>
public static class FileBytes
{
    public static byte[] I16(this byte[] b, int at, short v) { BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(at), v); return b; }
    public static byte[] I32(this byte[] b, int at, int v) { BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(at), v); return b; }
    public static byte[] F32(this byte[] b, int at, float v) { BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(at), v); return b; }
    public static byte[] Ascii(this byte[] b, int at, string s) { System.Text.Encoding.ASCII.GetBytes(s).CopyTo(b, at); return b; }

    /// <summary>The first <paramref name="n"/> bytes.</summary>
    public static byte[] Cut(this byte[] b, long n) => b.AsSpan(0, (int)Math.Min(n, b.Length)).ToArray();

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] Noise(int n, int seed = 7)
    {
        var r = new Random(seed);
        var b = new byte[n];
        r.NextBytes(b);
        return b;
    }

    public static byte[] Gzip(byte[] b)
    {
        using var ms = new MemoryStream();
        using (var z = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest)) z.Write(b);
        return ms.ToArray();
    }
}
