using SkiaSharp;

namespace DiscScope.Reporting.Images;

/// <summary>
/// A Grad-CAM/CAM overlay of one disc and grading: the disc-aligned crop in grey with the activation map (0..1) blended on top in a
/// blue-to-red ramp (opacity proportional to the activation), upscaled 3x for reading. Anterior is on the left, superior at the top.
/// </summary>
public static class HeatmapImage
{
    public static byte[] Render(ReadOnlySpan<float> crop, ReadOnlySpan<float> heat, int width, int height, int scale = 3)
    {
        if (crop.Length != width * height || heat.Length != width * height) throw new ReportingException("heatmap", "crop and heatmap sizes differ");
        using var bmp = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var pixels = bmp.GetPixelSpan();
        for (var j = 0; j < height; j++)
            for (var i = 0; i < width; i++)
            {
                var g = Math.Clamp(crop[j * width + i], 0f, 1f) * 255f;
                var a = Math.Clamp(heat[j * width + i], 0f, 1f);
                var (r, gg, b) = Ramp(a);
                var alpha = 0.55f * a; // strong evidence dominates, weak evidence leaves the anatomy readable
                var o = 4 * (j * width + i);
                pixels[o] = (byte)(g * (1 - alpha) + r * alpha);
                pixels[o + 1] = (byte)(g * (1 - alpha) + gg * alpha);
                pixels[o + 2] = (byte)(g * (1 - alpha) + b * alpha);
                pixels[o + 3] = 255;
            }
        using var surface = SKSurface.Create(new SKImageInfo(width * scale, height * scale, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var src = SKImage.FromBitmap(bmp))
            surface.Canvas.DrawImage(src, new SKRect(0, 0, width * scale, height * scale), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = surface.Snapshot();
        return PngEncoding.Encode(image);
    }

    /// <summary>Blue (0) -> cyan -> yellow -> red (1).</summary>
    private static (float R, float G, float B) Ramp(float t) => t switch
    {
        < 1f / 3 => (0, 255 * 3 * t, 255),
        < 2f / 3 => (255 * (3 * t - 1), 255, 255 * (2 - 3 * t)),
        _ => (255, 255 * (3 - 3 * t), 0),
    };
}
