namespace DiscScope.Evaluation.Tests.Classification;

/// <summary>Seeded synthetic predictions: ordinal grades with off-by-one noise, scores with ties, softmax probabilities with signal.</summary>
internal static class Samples
{
    public static (int[] Truth, int[] Predicted) Grades(int seed, int n, int classes, bool dropLastClassFromTruth = false)
    {
        var rng = new Random(seed);
        var truth = new int[n];
        var pred = new int[n];
        for (var x = 0; x < n; x++)
        {
            truth[x] = rng.Next(dropLastClassFromTruth ? classes - 1 : classes);
            var noise = rng.NextDouble() switch { < 0.55 => 0, < 0.75 => 1, < 0.92 => -1, < 0.97 => 2, _ => -2 };
            pred[x] = Math.Clamp(truth[x] + noise, 0, classes - 1);
        }
        return (truth, pred);
    }

    /// <summary>Binary labels and probabilities rounded to 2 decimals, so many scores tie across classes.</summary>
    public static (bool[] Truth, double[] Scores) Scores(int seed, int n)
    {
        var rng = new Random(seed);
        var truth = new bool[n];
        var s = new double[n];
        for (var x = 0; x < n; x++)
        {
            truth[x] = rng.NextDouble() < 0.4;
            var z = (truth[x] ? 0.9 : -0.6) + 1.3 * Gaussian(rng);
            s[x] = Math.Round(1 / (1 + Math.Exp(-z)), 2);
        }
        return (truth, s);
    }

    public static (int[] Truth, double[][] Logits) Logits(int seed, int n, int classes, double signal, double scale)
    {
        var rng = new Random(seed);
        var truth = new int[n];
        var logits = new double[n][];
        for (var x = 0; x < n; x++)
        {
            truth[x] = rng.Next(classes);
            logits[x] = new double[classes];
            for (var c = 0; c < classes; c++) logits[x][c] = scale * ((c == truth[x] ? signal : 0) + Gaussian(rng));
        }
        return (truth, logits);
    }

    public static double[][] Softmax(double[][] logits) => [.. logits.Select(row =>
    {
        var m = row.Max();
        var e = row.Select(v => Math.Exp(v - m)).ToArray();
        var s = e.Sum();
        return e.Select(v => v / s).ToArray();
    })];

    public static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
