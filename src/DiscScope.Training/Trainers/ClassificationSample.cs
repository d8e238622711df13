namespace DiscScope.Training.Trainers;

/// <summary>One image [Channels, Height, Width] with one class id per head of a <see cref="Architectures.MultiTaskClassifier"/>
/// (-1 where that grading is unknown: the head's loss leaves the sample out).</summary>
public sealed record ClassificationSample
{
    public ClassificationSample(float[] image, int channels, int height, int width, params int[] labels)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(labels);
        if (image.Length != channels * height * width) throw new ArgumentException($"image holds {image.Length} values, [{channels}, {height}, {width}] needs {channels * height * width}");
        Image = image; Channels = channels; Height = height; Width = width; Labels = labels;
    }

    public float[] Image { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public int[] Labels { get; }
}
