namespace DiscScope.Training.Trainers;

/// <summary>One image [Channels, Height, Width] with landmark positions in pixels: <see cref="Points"/>[2l] = column (x),
/// [2l+1] = row (y) of landmark l, NaN where the landmark is absent or unknown.</summary>
public sealed record LandmarkSample
{
    public LandmarkSample(float[] image, int channels, int height, int width, float[] points)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(points);
        if (image.Length != channels * height * width) throw new ArgumentException($"image holds {image.Length} values, [{channels}, {height}, {width}] needs {channels * height * width}");
        if (points.Length % 2 != 0) throw new ArgumentException("points must be (x, y) pairs");
        Image = image; Channels = channels; Height = height; Width = width; Points = points;
    }

    public float[] Image { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public float[] Points { get; }
}
