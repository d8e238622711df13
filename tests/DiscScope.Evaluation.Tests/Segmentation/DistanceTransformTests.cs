namespace DiscScope.Evaluation.Tests.Segmentation;

public class DistanceTransformTests
{
    [Theory]
    [InlineData(1, 7, 5, 6, 1.0, 1.0, 1.0)]
    [InlineData(2, 9, 4, 5, 0.4, 1.3, 3.0)]
    [InlineData(3, 17, 11, 1, 0.7, 0.35, 5.0)]
    [InlineData(4, 6, 6, 6, 2.0, 0.5, 1.0)]
    public void MatchesBruteForceNearestFeatureSearch(int seed, int ni, int nj, int nk, double si, double sj, double sk)
    {
        // Sparse random features (about 3 %), so long runs of non-features exercise the parabola envelope.
        var rng = new Random(seed);
        var f = new bool[ni * nj * nk];
        for (var n = 0; n < f.Length; n++) f[n] = rng.NextDouble() < 0.03;
        f[rng.Next(f.Length)] = true;
        var d = DistanceTransform.SquaredEuclidean(f, ni, nj, nk, si, sj, sk);
        for (var n = 0; n < f.Length; n++)
        {
            int i = n % ni, j = n / ni % nj, k = n / (ni * nj);
            var best = double.PositiveInfinity;
            for (var m = 0; m < f.Length; m++)
            {
                if (!f[m]) continue;
                double di = (m % ni - i) * si, dj = (m / ni % nj - j) * sj, dk = (m / (ni * nj) - k) * sk;
                best = Math.Min(best, di * di + dj * dj + dk * dk);
            }
            // Both sides sum the same three squared products; the envelope evaluates dx² + f, differing by a few ulps.
            Assert.Equal(best, d[n], 1e-9);
        }
    }

    [Fact]
    public void NoFeatureGivesInfinityEverywhere()
    {
        var d = DistanceTransform.SquaredEuclidean(new bool[12], 3, 2, 2, 1, 1, 1);
        Assert.All(d, x => Assert.True(double.IsPositiveInfinity(x)));
    }
}
