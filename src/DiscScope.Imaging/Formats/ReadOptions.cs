namespace DiscScope.Imaging.Formats;

/// <summary>Options for reading; <see cref="PixelSpacing"/> (row, column mm) applies to 2D formats that carry no spacing.</summary>
public sealed record ReadOptions
{
    public static ReadOptions Default { get; } = new();

    /// <summary>Row and column spacing in mm for 2D images (PNG/JPEG); null = 1 mm.</summary>
    public (double Row, double Column)? PixelSpacing { get; init; }
}
