using System.Globalization;
using SkiaSharp;

namespace DiscScope.Reporting.Images;

/// <summary>
/// Evaluation figures for model cards, as PNG: a ROC curve (binary findings) and a confusion matrix (ordinal grades), drawn with
/// SkiaSharp and DejaVu Sans. Pure: numbers in, image bytes out.
/// </summary>
public static class EvaluationPlots
{
    private const int Size = 480, Margin = 64;

    /// <summary>ROC curve through the given (false positive rate, true positive rate) points (any order; (0,0) and (1,1) are added),
    /// with the chance diagonal and <paramref name="title"/> above.</summary>
    public static byte[] Roc(IReadOnlyList<(double Fpr, double Tpr)> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Any(p => !double.IsFinite(p.Fpr) || !double.IsFinite(p.Tpr) || p.Fpr is < 0 or > 1 || p.Tpr is < 0 or > 1))
            throw new ReportingException("plot", "ROC points must lie in [0, 1] x [0, 1]");
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var c = surface.Canvas;
        c.Clear(SKColors.White);
        using var typeface = Typeface();
        using var font = new SKFont(typeface, 14);
        using var small = new SKFont(typeface, 11);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var axis = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        using var grid = new SKPaint { Color = new SKColor(220, 220, 220), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        using var chance = new SKPaint { Color = new SKColor(150, 150, 150), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1, PathEffect = SKPathEffect.CreateDash([4, 4], 0) };
        using var curve = new SKPaint { Color = new SKColor(0, 90, 180), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f };
        float W = Size - 2 * Margin;
        float X(double v) => Margin + (float)v * W;
        float Y(double v) => Size - Margin - (float)v * W;
        for (var t = 0; t <= 5; t++)
        {
            var v = t / 5.0;
            c.DrawLine(X(v), Y(0), X(v), Y(1), grid); c.DrawLine(X(0), Y(v), X(1), Y(v), grid);
            var label = v.ToString("0.0", CultureInfo.InvariantCulture);
            c.DrawText(label, X(v), Y(0) + 16, SKTextAlign.Center, small, ink);
            c.DrawText(label, X(0) - 6, Y(v) + 4, SKTextAlign.Right, small, ink);
        }
        c.DrawRect(X(0), Y(1), W, W, axis);
        c.DrawLine(X(0), Y(0), X(1), Y(1), chance);
        var sorted = points.OrderBy(p => p.Fpr).ThenBy(p => p.Tpr).Prepend((0, 0)).Append((1, 1)).ToList();
        for (var i = 1; i < sorted.Count; i++) c.DrawLine(X(sorted[i - 1].Fpr), Y(sorted[i - 1].Tpr), X(sorted[i].Fpr), Y(sorted[i].Tpr), curve);
        c.DrawText(title, Size / 2f, Margin / 2f, SKTextAlign.Center, font, ink);
        c.DrawText("false positive rate (1 - specificity)", Size / 2f, Size - Margin / 3f, SKTextAlign.Center, font, ink);
        c.Save();
        c.RotateDegrees(-90, Margin / 3f, Size / 2f);
        c.DrawText("true positive rate (sensitivity)", Margin / 3f, Size / 2f, SKTextAlign.Center, font, ink);
        c.Restore();
        using var image = surface.Snapshot();
        return PngEncoding.Encode(image);
    }

    /// <summary>Confusion matrix (rows = reference, columns = prediction) as a heat map of row-normalised shares, each cell labelled
    /// with its count.</summary>
    public static byte[] Confusion(IReadOnlyList<IReadOnlyList<long>> matrix, IReadOnlyList<string> classLabels, string title)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(classLabels);
        var n = classLabels.Count;
        if (n == 0 || matrix.Count != n || matrix.Any(r => r.Count != n || r.Any(v => v < 0)))
            throw new ReportingException("plot", $"a confusion matrix must be {n} x {n} non-negative counts");
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var c = surface.Canvas;
        c.Clear(SKColors.White);
        using var typeface = Typeface();
        using var font = new SKFont(typeface, 14);
        using var cellFont = new SKFont(typeface, n > 6 ? 10 : 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var border = new SKPaint { Color = new SKColor(200, 200, 200), Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        float cell = (Size - 2f * Margin) / n;
        for (var r = 0; r < n; r++)
        {
            var rowTotal = matrix[r].Sum();
            for (var k = 0; k < n; k++)
            {
                var share = rowTotal == 0 ? 0 : matrix[r][k] / (double)rowTotal;
                var shade = (byte)Math.Round(255 * (1 - 0.85 * share));
                using var fill = new SKPaint { Color = new SKColor(shade, shade, 255) };
                var rect = new SKRect(Margin + k * cell, Margin + r * cell, Margin + (k + 1) * cell, Margin + (r + 1) * cell);
                c.DrawRect(rect, fill);
                c.DrawRect(rect, border);
                c.DrawText(matrix[r][k].ToString(CultureInfo.InvariantCulture), rect.MidX, rect.MidY + 5, SKTextAlign.Center, cellFont, share > 0.55 ? white : ink);
            }
            c.DrawText(classLabels[r], Margin - 8, Margin + (r + 0.5f) * cell + 5, SKTextAlign.Right, font, ink);
            c.DrawText(classLabels[r], Margin + (r + 0.5f) * cell, Size - Margin + 18, SKTextAlign.Center, font, ink);
        }
        c.DrawText(title, Size / 2f, Margin / 2f, SKTextAlign.Center, font, ink);
        c.DrawText("predicted", Size / 2f, Size - Margin / 4f, SKTextAlign.Center, font, ink);
        c.Save();
        c.RotateDegrees(-90, Margin / 4f, Size / 2f);
        c.DrawText("reference", Margin / 4f, Size / 2f, SKTextAlign.Center, font, ink);
        c.Restore();
        using var image = surface.Snapshot();
        return PngEncoding.Encode(image);
    }

    private static SKTypeface Typeface() =>
        SKTypeface.FromFile(FontLocator.Find(FontLocator.Regular)) ?? throw new ReportingException("plot", "cannot load " + FontLocator.Regular);
}
