namespace DiscScope.Imaging.Formats.Png;

/// <summary>
/// JPEG (ITU-T T.81, JFIF) through ImageSharp, read-only: 8-bit baseline and progressive; colour becomes BT.709 luminance
/// (see <see cref="RasterReader"/>). Lossless and 12-bit JPEG, which ImageSharp does not decode, are reported as unsupported.
/// </summary>
public sealed class JpegFormat : IVolumeFormat
{
    public string Name => "jpeg";
    public IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg"];
    public bool CanWrite => false;

    public bool Detect(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;

    public IVolume Read(string path, ReadOptions options) => RasterReader.Read(path, options ?? ReadOptions.Default, "JPEG");

    public void Write(IVolume volume, string path) => throw new ImageFormatException(path, "JPEG writing is not supported (lossy); write PNG instead");
}
