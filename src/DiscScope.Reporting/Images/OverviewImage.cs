using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using SkiaSharp;

namespace DiscScope.Reporting.Images;

/// <summary>
/// The mid-sagittal overview: the image slice windowed to its 1st–99th percentile, the segmentation drawn as translucent
/// colour (vertebrae amber, discs cyan, canal violet) and the level names written beside each structure (DejaVu Sans).
/// Columns run anterior → posterior, rows superior → inferior (DiscScope's canonical frame), so anterior is on the left.
/// </summary>
public static class OverviewImage
{
    public static readonly SKColor VertebraColour = new(255, 176, 32), DiscColour = new(0, 220, 230), CanalColour = new(170, 90, 255);

    /// <summary>PNG bytes of slice <see cref="ReportImages.MidSlice"/>, scaled so that the shorter side is at least <paramref name="minSize"/> px.</summary>
    public static byte[] Render(ReportImages images, int minSize = 512)
    {
        var img = images.Image; var lab = images.Labels;
        if (!img.Geometry.SameAs(lab.Geometry)) throw new ReportingException("overview", "image and label map geometries differ");
        var k = images.MidSlice;
        int w = img.SizeI, h = img.SizeJ;
        var values = new float[w * h];
        Array.Copy(img.Voxels, (long)w * h * k, values, 0, w * h);
        var sorted = values.ToArray(); Array.Sort(sorted);
        float lo = sorted[(int)(0.01 * (sorted.Length - 1))], hi = sorted[(int)(0.99 * (sorted.Length - 1))];
        if (hi <= lo) hi = lo + 1;

        using var bmp = new SKBitmap(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        var pixels = bmp.GetPixelSpan();
        for (var j = 0; j < h; j++)
            for (var i = 0; i < w; i++)
            {
                var g = Math.Clamp((values[i + w * j] - lo) / (hi - lo), 0f, 1f) * 255f;
                var c = new SKColor((byte)g, (byte)g, (byte)g);
                var l = lab[i, j, k];
                if (l != 0)
                {
                    var o = SpineLabel.StructureOf(l) switch { Structure.Vertebra => VertebraColour, Structure.Disc => DiscColour, _ => CanalColour };
                    const float a = 0.45f; // overlay opacity: structures visible, anatomy still readable underneath
                    c = new SKColor((byte)(c.Red * (1 - a) + o.Red * a), (byte)(c.Green * (1 - a) + o.Green * a), (byte)(c.Blue * (1 - a) + o.Blue * a));
                }
                var at = 4 * (i + w * j);
                pixels[at] = c.Red; pixels[at + 1] = c.Green; pixels[at + 2] = c.Blue; pixels[at + 3] = 255;
            }

        // Scale to physical aspect (column spacing x, row spacing y) and to a readable size.
        var sx = img.Geometry.Spacing.X; var sy = img.Geometry.Spacing.Y;
        var scale = Math.Max(1.0, minSize / Math.Min(w * sx, h * sy));
        int W = (int)Math.Round(w * sx * scale), H = (int)Math.Round(h * sy * scale);
        using var surface = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Black);
        using (var src = SKImage.FromBitmap(bmp))
            canvas.DrawImage(src, new SKRect(0, 0, W, H), new SKSamplingOptions(SKFilterMode.Nearest));

        using var typeface = SKTypeface.FromFile(FontLocator.Find(FontLocator.Bold))
            ?? throw new ReportingException("overview", "cannot load " + FontLocator.Bold);
        using var font = new SKFont(typeface, (float)(H / 45.0));
        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var halo = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = font.Size / 5 };
        foreach (var (label, cx, cy) in Centroids(lab, k))
        {
            var structure = SpineLabel.StructureOf(label);
            if (structure == Structure.Canal) continue;
            var name = structure == Structure.Vertebra ? SpineLabel.VertebraOf(label).ToString() : DiscLevel.FromSpiderIvdLabel(label - SpineLabel.DiscBase).ToString();
            // Vertebra names sit on the body, disc names just anterior (left) of the disc so they do not cover it.
            var x = (float)(cx * sx * scale) - (structure == Structure.Disc ? font.Size * 4 : 0);
            var y = (float)(cy * sy * scale) + font.Size / 3;
            canvas.DrawText(name, x, y, SKTextAlign.Center, font, halo);
            canvas.DrawText(name, x, y, SKTextAlign.Center, font, fill);
        }
        using var snapshot = surface.Snapshot();
        return PngEncoding.Encode(snapshot);
    }

    /// <summary>Centroid (column, row) of each label on slice k, using only the body part (anterior half) for vertebrae.</summary>
    private const double BodyAnchorMm = 15;

    private static IEnumerable<(short Label, double X, double Y)> Centroids(LabelMap lab, int k)
    {
        var sums = new Dictionary<short, (double X, double Y, long N, int MinX)>();
        for (var j = 0; j < lab.Geometry.SizeJ; j++)
            for (var i = 0; i < lab.Geometry.SizeI; i++)
            {
                var l = lab[i, j, k];
                if (l == 0) continue;
                var s = sums.GetValueOrDefault(l, (0, 0, 0, int.MaxValue));
                sums[l] = (s.X + i, s.Y + j, s.N + 1, Math.Min(s.MinX, i));
            }
        foreach (var (l, s) in sums.OrderBy(kv => kv.Key))
        {
            var x = s.X / s.N; var y = s.Y / s.N;
            // Vertebra masks include the posterior elements; anchor the name on the body instead (anterior part).
            // A lumbar body is 30-35 mm deep, so BodyAnchorMm from its anterior margin lies inside the body.
            if (SpineLabel.StructureOf(l) == Structure.Vertebra) x = s.MinX + BodyAnchorMm / lab.Geometry.Spacing.X;
            yield return (l, x, y);
        }
    }
}
