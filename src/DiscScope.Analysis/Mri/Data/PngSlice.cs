using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>Reads 8-bit grayscale PNG slices of the shared data sets (ImageSharp; colour images are converted to luminance).</summary>
public static class PngSlice
{
    /// <summary>The pixel values (row-major) and size.</summary>
    public static (byte[] Pixels, int Width, int Height) Read(string path)
    {
        using var img = Image.Load<L8>(path);
        var px = new byte[img.Width * img.Height];
        img.CopyPixelDataTo(px);
        return (px, img.Width, img.Height);
    }
}
