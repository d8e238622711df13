using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// A 2D map of <see cref="Structure"/> class indices on a sagittal slice in DiscScope's canonical frame:
/// column index runs anterior -> posterior, row index superior -> inferior. Spacing in mm (column, row).
/// </summary>
public sealed record ClassMap2D
{
    public ClassMap2D(byte[] classes, int width, int height, double columnSpacing, double rowSpacing)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (width <= 0 || height <= 0 || classes.Length != width * height)
            throw new ArgumentException($"class buffer holds {classes.Length} pixels, {width}x{height} needs {width * height}", nameof(classes));
        if (!(columnSpacing > 0 && rowSpacing > 0)) throw new ArgumentOutOfRangeException(nameof(columnSpacing), "spacing must be positive");
        Classes = classes; Width = width; Height = height; ColumnSpacing = columnSpacing; RowSpacing = rowSpacing;
    }

    public byte[] Classes { get; }
    public int Width { get; }
    public int Height { get; }
    /// <summary>Column spacing in mm (anterior -> posterior).</summary>
    public double ColumnSpacing { get; }
    /// <summary>Row spacing in mm (superior -> inferior).</summary>
    public double RowSpacing { get; }

    public Structure this[int x, int y] => (Structure)Classes[y * Width + x];

    /// <summary>Area of one pixel in mm².</summary>
    public double PixelArea => ColumnSpacing * RowSpacing;

    /// <summary>Pixels of one class.</summary>
    public int Count(Structure s)
    {
        var c = 0; var b = (byte)s;
        foreach (var v in Classes) if (v == b) c++;
        return c;
    }
}
