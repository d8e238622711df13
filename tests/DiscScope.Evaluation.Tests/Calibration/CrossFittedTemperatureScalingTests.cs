using DiscScope.TestSupport;
using DiscScope.Evaluation.Tests.Classification;

namespace DiscScope.Evaluation.Tests.Calibration;

public class CrossFittedTemperatureScalingTests
{
    /// <summary>Under-confident probabilities (logits shrunk by 0.5) in three folds.</summary>
    private static (int[] Truth, double[][] P, int[] Folds) Case(int seed = 20, int n = 240)
    {
        var (truth, logits) = Samples.Logits(seed, n, 4, 1.0, 0.5);
        return (truth, Samples.Softmax(logits), [.. Enumerable.Range(0, n).Select(i => i % 3)]);
    }

    [Fact]
    public void EachFoldsTemperatureIsScipysFitOnTheOtherFoldsAlone()
    {
        var (truth, p, folds) = Case();
        var r = CrossFittedTemperatureScaling.Apply(p, truth, folds);
        Assert.Equal([0, 1, 2], r.ByFold.Keys);
        foreach (var k in new[] { 0, 1, 2 })
        {
            var rest = Enumerable.Range(0, truth.Length).Where(i => folds[i] != k).ToList();
            var peer = ReferencePeer.Run(new { kind = "temperature", truth = rest.Select(i => truth[i]).ToArray(), logits = rest.Select(i => p[i].Select(v => Math.Log(v)).ToArray()).ToArray() })[0];
            Assert.Equal(1, r.ByFold[k].Temperature / peer.GetProperty("temperature").GetDouble(), 1e-6);
            Assert.True(r.ByFold[k].Temperature < 1); // under-confident input: sharpened
            foreach (var i in Enumerable.Range(0, truth.Length).Where(i => folds[i] == k))
            {
                // softmax(ln p / T) = p^(1/T) renormalised, with this fold's T; the arg-max is kept.
                var w = p[i].Select(v => Math.Pow(v, 1 / r.ByFold[k].Temperature)).ToArray();
                Assert.Equal(w.Select(v => v / w.Sum()), r.Calibrated[i], (a, b) => Math.Abs(a - b) < 1e-9);
                Assert.Equal(Array.IndexOf(p[i], p[i].Max()), Array.IndexOf(r.Calibrated[i], r.Calibrated[i].Max()));
            }
        }
    }

    [Fact]
    public void AFoldsOwnLabelsNeverReachItsTemperature()
    {
        var (truth, p, folds) = Case(21);
        var before = CrossFittedTemperatureScaling.Apply(p, truth, folds);
        // Scramble fold 1's labels: fold 1's temperature and rows stay exactly the same, the other folds' move.
        var scrambled = truth.Select((t, i) => folds[i] == 1 ? (t + 1) % 4 : t).ToArray();
        var after = CrossFittedTemperatureScaling.Apply(p, scrambled, folds);
        Assert.Equal(before.ByFold[1].Temperature, after.ByFold[1].Temperature);
        Assert.NotEqual(before.ByFold[0].Temperature, after.ByFold[0].Temperature);
        foreach (var i in Enumerable.Range(0, truth.Length).Where(i => folds[i] == 1)) Assert.Equal(before.Calibrated[i], after.Calibrated[i]);
    }

    [Fact]
    public void OneFoldOrMismatchedFoldsAreRefused()
    {
        var (truth, p, _) = Case(22, 30);
        Assert.Throws<EvaluationException>(() => CrossFittedTemperatureScaling.Apply(p, truth, new int[30]));
        Assert.Throws<EvaluationException>(() => CrossFittedTemperatureScaling.Apply(p, truth, new int[29]));
    }
}
