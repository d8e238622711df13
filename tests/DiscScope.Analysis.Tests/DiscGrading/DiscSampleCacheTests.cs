using DiscScope.Analysis.DiscGrading;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class DiscSampleCacheTests
{
    [Fact]
    public void RoundTripsSamplesAndRejectsOtherGeometry()
    {
        var crop = new DiscCropOptions { Width = 8, Height = 4, SpacingMm = 0.5 };
        var rng = new Random(3);
        var samples = Enumerable.Range(0, 5).Select(i => new DiscSample($"p{i % 2}", i + 1, [.. Enumerable.Range(0, 64).Select(_ => (float)rng.NextDouble())], i % 2 == 0,
            new GradingLabels($"p{i % 2}", i + 1, 1 + i % 5, i % 4, i == 1, i == 2, false, i == 3, true, false))).ToList();
        using var dir = new TempDir();
        DiscSampleCache.Save(dir.File("c.bin"), samples, crop);
        var back = DiscSampleCache.Load(dir.File("c.bin"), crop)!;
        Assert.Equal(samples.Count, back.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Equal(samples[i].Labels, back[i].Labels);
            Assert.Equal(samples[i].Image, back[i].Image);
            Assert.Equal(samples[i].HasT1, back[i].HasT1);
        }
        Assert.Null(DiscSampleCache.Load(dir.File("c.bin"), crop with { Width = 16 }));
        File.WriteAllBytes(dir.File("bad.bin"), [1, 2, 3]);
        Assert.Null(DiscSampleCache.Load(dir.File("bad.bin"), crop));
    }
}
