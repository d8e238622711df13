namespace DiscScope.Training.SpineGate;

/// <summary>
/// Seeded synthetic images that are not spines, for the gate to refuse: white noise, smooth noise, a linear gradient, random rectangles
/// and ellipses, a checkerboard, concentric rings (a test pattern). Spacing unknown. Deterministic for a seed.
/// </summary>
public static class SyntheticNegatives
{
    public static readonly string[] Kinds = ["white-noise", "smooth-noise", "gradient", "shapes", "checkerboard", "rings"];

    /// <summary><paramref name="count"/> images (kinds in turn), each <paramref name="size"/> x <paramref name="size"/>.</summary>
    public static IReadOnlyList<GateImage> Create(int count, int seed, int size = 256)
    {
        var rng = new Random(seed);
        var result = new List<GateImage>(count);
        for (var n = 0; n < count; n++)
        {
            var kind = Kinds[n % Kinds.Length];
            var px = kind switch
            {
                "white-noise" => White(size, rng),
                "smooth-noise" => Smooth(White(size, rng), size, 2 + rng.Next(12)),
                "gradient" => Gradient(size, rng),
                "shapes" => Shapes(size, rng),
                "checkerboard" => Checkerboard(size, 4 + rng.Next(40)),
                _ => Rings(size, rng),
            };
            result.Add(new GateImage("synthetic", $"synthetic:{n}", $"{kind}-{n}", px, size, size, null, null, false));
        }
        return result;
    }

    private static float[] White(int s, Random rng) => [.. Enumerable.Range(0, s * s).Select(_ => (float)rng.NextDouble())];

    private static float[] Smooth(float[] x, int s, int r)
    {
        var o = new float[x.Length];
        for (var y = 0; y < s; y++)
            for (var c = 0; c < s; c++)
            {
                double sum = 0; var n = 0;
                for (var dy = -r; dy <= r; dy += Math.Max(1, r / 3))
                    for (var dx = -r; dx <= r; dx += Math.Max(1, r / 3))
                    {
                        int yy = y + dy, xx = c + dx;
                        if (yy < 0 || xx < 0 || yy >= s || xx >= s) continue;
                        sum += x[yy * s + xx]; n++;
                    }
                o[y * s + c] = (float)(sum / n);
            }
        return o;
    }

    private static float[] Gradient(int s, Random rng)
    {
        double a = rng.NextDouble() * 2 * Math.PI, ca = Math.Cos(a), sa = Math.Sin(a);
        return [.. Enumerable.Range(0, s * s).Select(i => (float)((i % s) * ca + (i / s) * sa + rng.NextDouble() * 3))];
    }

    private static float[] Shapes(int s, Random rng)
    {
        var o = new float[s * s];
        for (var k = 0; k < 3 + rng.Next(10); k++)
        {
            double cx = rng.NextDouble() * s, cy = rng.NextDouble() * s, rx = 5 + rng.NextDouble() * s / 4, ry = 5 + rng.NextDouble() * s / 4;
            var v = (float)rng.NextDouble();
            var ellipse = rng.NextDouble() < 0.5;
            for (var y = 0; y < s; y++)
                for (var x = 0; x < s; x++)
                {
                    double dx = (x - cx) / rx, dy = (y - cy) / ry;
                    if (ellipse ? dx * dx + dy * dy <= 1 : Math.Abs(dx) <= 1 && Math.Abs(dy) <= 1) o[y * s + x] = v;
                }
        }
        for (var i = 0; i < o.Length; i++) o[i] += (float)(rng.NextDouble() * 0.05);
        return o;
    }

    private static float[] Checkerboard(int s, int cell) => [.. Enumerable.Range(0, s * s).Select(i => (float)(((i % s) / cell + (i / s) / cell) % 2))];

    private static float[] Rings(int s, Random rng)
    {
        var period = 4 + rng.NextDouble() * 30;
        return [.. Enumerable.Range(0, s * s).Select(i => (float)(0.5 + 0.5 * Math.Sin(Math.Sqrt(Math.Pow(i % s - s / 2.0, 2) + Math.Pow(i / s - s / 2.0, 2)) * 2 * Math.PI / period)))];
    }
}
