using DiscScope.Training.Augmentation;

namespace DiscScope.Training.Tests;

public sealed class AugmentationTests
{
    [Fact]
    public void NoneIsIdentityAndSameSeedRepeats()
    {
        var s = Synthetic.Discs(new Random(1), 24);
        var id = new Augmenter2d(AugmentationOptions.None).Apply(s.Image, 1, 24, 24, new Random(3), s.Labels);
        Assert.Equal(s.Image, id.Image);
        Assert.Equal(s.Labels, id.Labels);
        var aug = new Augmenter2d(new AugmentationOptions(AffineProbability: 1, ElasticProbability: 1, NoiseProbability: 1));
        var a = aug.Apply(s.Image, 1, 24, 24, new Random(5), s.Labels);
        var b = aug.Apply(s.Image, 1, 24, 24, new Random(5), s.Labels);
        Assert.Equal(a.Image, b.Image);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(s.Image, a.Image);
        Assert.All(a.Labels!, l => Assert.InRange(l, 0, 1));
    }

    [Fact]
    public void GeometryMovesLabelsWithImage()
    {
        // a transform shared by image and labels: bright pixels (image > 0.5) stay labelled 1 after a strong affine + elastic warp
        var s = Synthetic.Discs(new Random(2), 48);
        var clean = s.Labels.Select(l => l == 1 ? 2f : -1f).ToArray();
        var aug = new Augmenter2d(AugmentationOptions.None with { AffineProbability = 1, RotationDegrees = 30, ElasticProbability = 1, FlipHorizontal = true });
        var a = aug.Apply(clean, 1, 48, 48, new Random(8), s.Labels);
        int agree = 0, total = 0;
        for (var i = 0; i < a.Image.Length; i++)
        {
            if (Math.Abs(a.Image[i] - 0.5f) < 1.2f) continue; // skip interpolated edge pixels
            total++;
            if ((a.Image[i] > 0.5f) == (a.Labels![i] == 1)) agree++;
        }
        Assert.True(agree >= 0.99 * total, $"{agree}/{total}");
    }

    [Fact]
    public void InversionFlipsContrast()
    {
        var img = new float[] { 0, 1, 2, 3 };
        var a = new Augmenter2d(AugmentationOptions.None with { InversionProbability = 1 }).Apply(img, 1, 2, 2, new Random(1));
        Assert.Equal([3f, 2f, 1f, 0f], a.Image);
    }
}
