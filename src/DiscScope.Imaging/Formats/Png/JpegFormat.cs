using DiscScope.Imaging.Formats.Common;

namespace DiscScope.Imaging.Formats.Png;

/// <summary>
/// JPEG (ITU-T T.81, JFIF) through ImageSharp, read-only: 8-bit baseline and progressive; colour becomes BT.709 luminance
/// (see <see cref="RasterReader"/>). Lossless and 12-bit JPEG, which ImageSharp does not decode, are reported as unsupported.
/// A file with no end-of-image marker after its last scan is refused as truncated (ImageSharp itself would fill the
/// missing part with grey).
/// </summary>
public sealed class JpegFormat : IVolumeFormat
{
    public string Name => "jpeg";
    public IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg"];
    public bool CanWrite => false;

    public bool Detect(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;

    public IVolume Read(string path, ReadOptions options)
    {
        StreamReading.Guard(path, () => { CheckComplete(path); return 0; });
        return RasterReader.Read(path, options ?? ReadOptions.Default, "JPEG");
    }

    public void Write(IVolume volume, string path) => throw new ImageFormatException(path, "JPEG writing is not supported (lossy); write PNG instead");

    /// <summary>
    /// Requires an EOI marker (FF D9) after the last start-of-scan marker (FF DA). Entropy-coded data stuffs every FF with 00,
    /// so neither pattern occurs inside a scan; an embedded EXIF thumbnail's markers come before the main scan.
    /// </summary>
    private static void CheckComplete(string path)
    {
        var b = File.ReadAllBytes(path);
        if (b.Length == 0) throw new ImageFormatException(path, "empty file", 0);
        var sos = b.AsSpan().LastIndexOf(new byte[] { 0xFF, 0xDA });
        if (sos < 0) throw new ImageFormatException(path, "JPEG has no start-of-scan marker (truncated or not a JPEG)", b.Length);
        if (b.AsSpan(sos).IndexOf(new byte[] { 0xFF, 0xD9 }) < 0)
            throw new ImageFormatException(path, "JPEG is truncated: no end-of-image marker after the last scan", b.Length);
    }
}
