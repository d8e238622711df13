using DiscScope.Imaging;

namespace DiscScope.Training.SpineGate;

/// <summary>Planes of a volume in the canonical sagittal frame (columns anterior->posterior, rows superior->inferior, slices right->left),
/// each as a row-major image with its column and row spacing (mm).</summary>
public static class VolumePlanes
{
    /// <summary>Sagittal slice k: columns A->P, rows S->I.</summary>
    public static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) Sagittal(Volume<float> pil, int k)
    {
        ArgumentNullException.ThrowIfNull(pil);
        int w = pil.SizeI, h = pil.SizeJ;
        var o = new float[w * h];
        Array.Copy(pil.Voxels, (long)k * w * h, o, 0, w * h);
        return (o, w, h, pil.Geometry.Spacing.X, pil.Geometry.Spacing.Y);
    }

    /// <summary>Axial plane at row j: columns A->P, rows right->left.</summary>
    public static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) Axial(Volume<float> pil, int j)
    {
        ArgumentNullException.ThrowIfNull(pil);
        int w = pil.SizeI, h = pil.SizeK;
        var o = new float[w * h];
        for (var k = 0; k < h; k++)
            for (var i = 0; i < w; i++) o[k * w + i] = pil.Voxels[i + (long)pil.SizeI * (j + (long)pil.SizeJ * k)];
        return (o, w, h, pil.Geometry.Spacing.X, pil.Geometry.Spacing.Z);
    }

    /// <summary>Coronal plane at column i: columns right->left, rows S->I.</summary>
    public static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) Coronal(Volume<float> pil, int i)
    {
        ArgumentNullException.ThrowIfNull(pil);
        int w = pil.SizeK, h = pil.SizeJ;
        var o = new float[w * h];
        for (var j = 0; j < h; j++)
            for (var k = 0; k < w; k++) o[j * w + k] = pil.Voxels[i + (long)pil.SizeI * (j + (long)pil.SizeJ * k)];
        return (o, w, h, pil.Geometry.Spacing.Z, pil.Geometry.Spacing.Y);
    }

    /// <summary><paramref name="count"/> indices spread evenly over [from, to] of a dimension of size <paramref name="size"/> (fractions),
    /// distinct and in range.</summary>
    public static int[] Spread(int size, double from, double to, int count)
    {
        if (size < 1 || count < 1) return [];
        return [.. Enumerable.Range(0, count)
            .Select(n => (int)Math.Round((from + (to - from) * (count == 1 ? 0.5 : n / (double)(count - 1))) * (size - 1)))
            .Select(x => Math.Clamp(x, 0, size - 1)).Distinct()];
    }
}
