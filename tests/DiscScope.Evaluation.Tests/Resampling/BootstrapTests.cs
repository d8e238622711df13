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

    [Fact]
    public void DifferenceOfIndependentSubgroupsHasTheNormalTheoryWidth()
    {
        // Means of 200 and 300 patients' standard normals, one sample each: the difference's 95 % interval is
        // ±1.96·√(1/200 + 1/300) wide (10 % margin as above); the point estimate is the plain difference of the means.
        var rng = new Random(4);
        var x = Enumerable.Range(0, 500).Select(n => (Patient: $"P{n:D3}", Group: n < 200 ? "A" : "B", Value: Samples.Gaussian(rng) + (n < 200 ? 0.5 : 0))).ToArray();
        var ci = Bootstrap.DifferenceCi(x, s => s.Patient, s => s.Group == "A", s => s.Group == "B", s => s.Average(d => d.Value));
        var a = x.Where(d => d.Group == "A").Select(d => d.Value).ToArray();
        var b = x.Where(d => d.Group == "B").Select(d => d.Value).ToArray();
        Assert.Equal(a.Average() - b.Average(), ci.Value, 12);
        Assert.Equal(1, (ci.Upper - ci.Lower) / 2 / (1.96 * Math.Sqrt(Var(a) / a.Length + Var(b) / b.Length)), 0.10);
        Assert.True(ci.Lower > 0.2 && ci.Upper < 0.8);
    }

    [Fact]
    public void DifferenceOfSubgroupsWithinPatientsKeepsThePairing()
    {
        // Each of 300 patients has one sample in each subgroup sharing a patient effect (sd 2) plus own noise (sd 0.5): resampling
        // patients keeps the pair together, so the interval is that of the mean paired difference, ±1.96·0.5·√2/√300, far narrower
        // than if the subgroups were treated as independent (±1.96·√(2·4.25/300)).
        var rng = new Random(5);
        var x = Enumerable.Range(0, 300).SelectMany(p =>
        {
            var u = 2 * Samples.Gaussian(rng);
            return new[] { (Patient: p, Group: "A", Value: u + 0.5 * Samples.Gaussian(rng) + 0.3), (Patient: p, Group: "B", Value: u + 0.5 * Samples.Gaussian(rng)) };
        }).ToArray();
        var ci = Bootstrap.DifferenceCi(x, s => s.Patient, s => s.Group == "A", s => s.Group == "B", s => s.Average(d => d.Value));
        var d = x.Where(s => s.Group == "A").Zip(x.Where(s => s.Group == "B"), (a, b) => a.Value - b.Value).ToArray();
        Assert.Equal(d.Average(), ci.Value, 9);
        Assert.Equal(1, (ci.Upper - ci.Lower) / 2 / (1.96 * Math.Sqrt(Var(d) / d.Length)), 0.12);
    }

    [Fact]
    public void DifferenceIsUndefinedWhenASubgroupIsEmpty()
    {
        var x = Enumerable.Range(0, 20).Select(n => (Patient: n, Value: (double)n)).ToArray();
        Assert.Throws<UndefinedMetricException>(() => Bootstrap.DifferenceCi(x, s => s.Patient, s => s.Value < 10, _ => false, s => s.Average(d => d.Value)));
    }

    private static double Var(IReadOnlyList<double> v)
    {
        var m = v.Average();
        return v.Sum(e => (e - m) * (e - m)) / (v.Count - 1);
    }
}
