using DiscScope.Evaluation.Tests.Classification;

namespace DiscScope.Evaluation.Tests.Resampling;

public class BootstrapTests
{
    private static double Mean(IReadOnlyList<double> x) => x.Average();

    [Fact]
    public void SameSeedSameIntervalOtherSeedOtherInterval()
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, 100).Select(_ => rng.NextDouble()).ToArray();
        var a = Bootstrap.PercentileCi(x, Mean, new BootstrapOptions(Resamples: 500, Seed: 7));
        var b = Bootstrap.PercentileCi(x, Mean, new BootstrapOptions(Resamples: 500, Seed: 7));
        var c = Bootstrap.PercentileCi(x, Mean, new BootstrapOptions(Resamples: 500, Seed: 8));
        Assert.Equal(a, b);
        Assert.NotEqual(a.Lower, c.Lower);
        Assert.Equal(x.Average(), a.Value);
        Assert.True(a.Lower < a.Value && a.Value < a.Upper);
        Assert.Equal((100, 100, 500, 0), (a.N, a.Clusters, a.Resamples, a.UndefinedResamples));
    }

    [Fact]
    public void IntervalOfAMeanMatchesTheNormalTheoryWidth()
    {
        // Mean of n = 400 standard normals: the 95 % interval is ±1.96·s/√n wide. The percentile bootstrap estimates it
        // with Monte-Carlo error ~3 % at 2000 resamples and a further O(1/√n) bias, so 10 % is a safe margin.
        var rng = new Random(2);
        var x = Enumerable.Range(0, 400).Select(_ => Samples.Gaussian(rng)).ToArray();
        var m = x.Average();
        var sd = Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
        var ci = Bootstrap.PercentileCi(x, Mean);
        var expectedHalfWidth = 1.96 * sd / Math.Sqrt(x.Length);
        Assert.Equal(1, (ci.Upper - ci.Lower) / 2 / expectedHalfWidth, 0.10);
        Assert.Equal(m, (ci.Lower + ci.Upper) / 2, 0.2 * expectedHalfWidth); // symmetric around the mean for a mean
    }

    [Fact]
    public void ClusterResamplingKeepsPatientsWholeAndWidensCorrelatedIntervals()
    {
        // 60 patients with 5 discs each sharing one value (intra-class correlation 1): the design effect 1 + (m − 1)ρ = 5
        // makes the honest interval √5 ≈ 2.24 times the naive one; [1.8, 2.7] allows the Monte-Carlo error of both.
        var rng = new Random(3);
        var discs = Enumerable.Range(0, 60).SelectMany(p => { var v = Samples.Gaussian(rng); return Enumerable.Range(0, 5).Select(_ => (Patient: $"P{p:D3}", Value: v)); }).ToArray();
        double Metric(IReadOnlyList<(string Patient, double Value)> s)
        {
            foreach (var g in s.GroupBy(d => d.Patient)) Assert.Equal(0, g.Count() % 5); // a patient enters with all 5 discs, possibly repeatedly
            return s.Average(d => d.Value);
        }
        var cluster = Bootstrap.PercentileCi(discs, d => d.Patient, Metric, new BootstrapOptions(Resamples: 1000));
        var naive = Bootstrap.PercentileCi(discs, s => s.Average(d => d.Value), new BootstrapOptions(Resamples: 1000));
        Assert.Equal((300, 60), (cluster.N, cluster.Clusters));
        var ratio = (cluster.Upper - cluster.Lower) / (naive.Upper - naive.Lower);
        Assert.InRange(ratio, 1.8, 2.7);
    }

    [Fact]
    public void UndefinedResamplesAreCountedOrRefused()
    {
        // 2 positives among 40: P(no positive in a resample) = (38/40)^40 ≈ 13 %, so AUC is undefined on about that many resamples.
        var truth = Enumerable.Range(0, 40).Select(n => n < 2).ToArray();
        var scores = Enumerable.Range(0, 40).Select(n => n < 2 ? 0.9 - n * 0.5 : n / 40.0).ToArray();
        var items = truth.Zip(scores).ToArray();
        double Auc(IReadOnlyList<(bool First, double Second)> s) => Roc.Auc([.. s.Select(x => x.First)], [.. s.Select(x => x.Second)]);
        Assert.Throws<UndefinedMetricException>(() => Bootstrap.PercentileCi(items, Auc, new BootstrapOptions(Resamples: 400)));
        var ci = Bootstrap.PercentileCi(items, Auc, new BootstrapOptions(Resamples: 400, MaxUndefinedFraction: 0.3));
        Assert.InRange(ci.UndefinedResamples, 20, 90); // binomial(400, 0.13): mean 52, sd 7
        Assert.Throws<EvaluationException>(() => Bootstrap.PercentileCi(items, _ => double.NaN));
    }
}
