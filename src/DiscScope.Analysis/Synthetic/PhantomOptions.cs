namespace DiscScope.Analysis.Synthetic;

/// <summary>Settings of the synthetic lumbar phantom. Defaults: a 15-slice sagittal T2-like series, 0.8 mm pixels, 4 mm slices.</summary>
public sealed record PhantomOptions
{
    public int Columns { get; init; } = 256;
    public int Rows { get; init; } = 320;
    public int Slices { get; init; } = 15;
    public double PixelSpacing { get; init; } = 0.8;
    public double SliceSpacing { get; init; } = 4.0;
    public double NoiseSd { get; init; } = 15;
    public int Seed { get; init; } = 42;
}
