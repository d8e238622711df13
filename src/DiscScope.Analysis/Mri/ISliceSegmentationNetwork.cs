namespace DiscScope.Analysis.Mri;

/// <summary>A 2D segmentation network on <see cref="SliceCanvas"/> inputs: (N, 1, H, W) normalised intensities -> (N, C, H, W) class probabilities
/// with C = 4 (<see cref="Domain.Anatomy.Structure"/> order).</summary>
public interface ISliceSegmentationNetwork
{
    /// <summary>The canvas the network was trained on.</summary>
    SliceCanvas Canvas { get; }

    /// <summary>Class probabilities for a batch of <paramref name="height"/> x <paramref name="width"/> images (multiples of 16), row-major (n, c, y, x).</summary>
    float[] Predict(float[] batch, int count, int height, int width);
}
