namespace DiscScope.Training.Trainers;

/// <summary>One training image [Channels, Height, Width] (row-major, normalised) with its label map [Height, Width] of class ids 0 .. classes-1.</summary>
public sealed record SegmentationSample
{
    public SegmentationSample(float[] image, long[] labels, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(labels);
        if (image.Length != channels * height * width) throw new ArgumentException($"image holds {image.Length} values, [{channels}, {height}, {width}] needs {channels * height * width}");
        if (labels.Length != height * width) throw new ArgumentException($"label map holds {labels.Length} values, {height} x {width} needs {height * width}");
        Image = image; Labels = labels; Channels = channels; Height = height; Width = width;
    }

    public float[] Image { get; }
    public long[] Labels { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
}
