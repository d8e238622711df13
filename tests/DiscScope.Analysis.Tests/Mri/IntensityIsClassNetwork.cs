using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

/// <summary>A stand-in network: the test images hold class * 100, which normalise to class / 3; it returns that class one-hot.</summary>
internal sealed class IntensityIsClassNetwork : ISliceSegmentationNetwork
{
    public SliceCanvas Canvas { get; } = new() { Width = 224, Height = 272, SpacingMm = 1.25 };

    public float[] Predict(float[] batch, int count, int height, int width)
    {
        var plane = width * height;
        var o = new float[count * 4 * plane];
        for (var b = 0; b < count; b++)
            for (var i = 0; i < plane; i++)
            {
                var c = Math.Clamp((int)Math.Round(batch[b * plane + i] * 3), 0, 3);
                o[(b * 4 + c) * plane + i] = 1;
            }
        return o;
    }
}
