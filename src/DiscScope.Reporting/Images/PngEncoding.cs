using SkiaSharp;

namespace DiscScope.Reporting.Images;

/// <summary>PNG encoding of report images: lossless, with a moderate zlib level (the default maximum costs several times the time
/// for a few percent smaller files).</summary>
internal static class PngEncoding
{
    public static byte[] Encode(SKImage image)
    {
        using var pixmap = image.PeekPixels() ?? throw new ReportingException("image", "image pixels are not readable");
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 4))
            ?? throw new ReportingException("image", "PNG encoding failed");
        return data.ToArray();
    }
}
