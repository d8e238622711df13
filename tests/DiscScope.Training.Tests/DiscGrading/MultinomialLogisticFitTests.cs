using DiscScope.TestSupport;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

/// <summary>The fit against scikit-learn's multinomial LogisticRegression (the peer computes every expected probability).</summary>
public class MultinomialLogisticFitTests
{
    private static (double[][] X, int[] Y) Data(int seed, int n, int d, int classes)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 2).ToArray()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
        // features on different scales and offsets, classes overlapping, so the L2 term matters
        var x = y.Select(c => Enumerable.Range(0, d).Select(f => (centres[c][f] + Normal(rng)) * (f + 1) * 3 + 10 * f).ToArray()).ToArray();
        return (x, y);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Theory]
    [InlineData(1, 150, 4, 3, 0.5)]
    [InlineData(2, 90, 6, 5, 0.05)]
    public void Probabilities_match_scikit_learn_at_the_same_regularisation(int seed, int n, int d, int classes, double c)
    {
        var (x, y) = Data(seed, n, d, classes);
        var (test, _) = Data(seed + 100, 20, d, classes);
        var peer = ReferencePeer.Run(new { kind = "logistic", x, y, c, x_test = test })[0];
        var expected = peer.GetProperty("probabilities").EnumerateArray().Select(ReferencePeer.Doubles).ToArray();
        // scikit-learn minimises C * sum(loss) + |W|^2 / 2, i.e. mean(loss) + |W|^2 / (2 C n).
        var model = MultinomialLogisticFit.Fit(x, y, classes, 1 / (c * n));
        for (var i = 0; i < test.Length; i++)
        {
            var p = model.Predict(test[i]);
            for (var k = 0; k < classes; k++) Assert.True(Math.Abs(expected[i][k] - p[k]) < 1e-6, $"row {i} class {k}: {p[k]} vs scikit-learn {expected[i][k]}");
        }
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        double[][] x = [[1, 2], [3, double.NaN]];
        Assert.Throws<ArgumentException>(() => MultinomialLogisticFit.Fit(x, [0, 1], 2, 0.1));
        Assert.Throws<ArgumentException>(() => MultinomialLogisticFit.Fit([[1.0], [2.0]], [0, 2], 2, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultinomialLogisticFit.Fit([[1.0], [2.0]], [0, 1], 2, 0));
    }

    [Fact]
    public void Features_beyond_the_fitted_range_count_as_its_edge()
    {
        var (x, y) = Data(3, 60, 2, 2);
        var model = MultinomialLogisticFit.Fit(x, y, 2, 0.01);
        var hi = x.Max(r => r[1]);
        var edge = model.Predict([x[0][0], hi]);
        Assert.Equal(edge, model.Predict([x[0][0], hi * 1000]));
        Assert.NotEqual(edge, model.Predict([x[0][0], x.Min(r => r[1])]));
    }
}
