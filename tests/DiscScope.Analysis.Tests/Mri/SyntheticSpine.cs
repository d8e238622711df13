using DiscScope.Analysis.Mri;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Tests.Mri;

/// <summary>Builds synthetic sagittal class maps (1 mm pixels; x anterior->posterior, y superior->inferior): discs, bodies, sacrum, canal, spinous processes.</summary>
internal sealed class SyntheticSpine
{
    public const int W = 200, H = 320;
    public byte[] Classes { get; } = new byte[W * H];

    public SyntheticSpine Rect(Structure s, int x0, int y0, int x1, int y1)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(H, y1); y++)
            for (var x = Math.Max(0, x0); x < Math.Min(W, x1); x++) Classes[y * W + x] = (byte)s;
        return this;
    }

    /// <summary>A lumbar spine with <paramref name="discs"/> discs 36 mm apart, the lowest at y = 250; bodies between, optional sacrum, canal and spinous processes.</summary>
    public static SyntheticSpine Lumbar(int discs = 6, bool sacrum = true, bool canal = true, bool posterior = true, int lowestDiscHeight = 9)
    {
        var s = new SyntheticSpine();
        for (var k = 1; k <= discs; k++)
        {
            var y = 250 - (k - 1) * 36;
            s.Rect(Structure.Disc, 40, y - (k == 1 ? lowestDiscHeight : 9) / 2, 80, y + (k == 1 ? lowestDiscHeight : 9) / 2 + 1);
            s.Rect(Structure.Vertebra, 40, y - 32, 80, y - 5);                         // body above disc k
            if (posterior) s.Rect(Structure.Vertebra, 105, y - 25, 125, y - 10);       // spinous process of that vertebra
        }
        if (sacrum) s.Rect(Structure.Vertebra, 45, 256, 90, 300);
        if (canal) s.Rect(Structure.Canal, 85, 0, 97, 290);
        return s;
    }

    public ClassMap2D Map => new(Classes, W, H, 1, 1);
}
