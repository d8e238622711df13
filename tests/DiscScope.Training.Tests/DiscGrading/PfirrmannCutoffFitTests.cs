using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class PfirrmannCutoffFitTests
{
    /// <summary>A two-class mixture between classes k and k + 1 whose expected class is <paramref name="score"/>.</summary>
    private static double[] WithExpectedClass(double score)
    {
        var k = Math.Min((int)Math.Floor(score), 3);
        var p = new double[5];
        p[k] = k + 1 - score; p[k + 1] = score - k;
        return p;
    }

    /// <summary>Scores spread over 0..4 with the class each belongs to under <paramref name="cutoffs"/> (no noise).</summary>
    private static (double[][] P, int[] Truth) Separable(double[] cutoffs, int n, int seed)
    {
        var rng = new Random(seed);
        var scores = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4).ToArray();
        return ([.. scores.Select(WithExpectedClass)], [.. scores.Select(s => cutoffs.Count(c => s >= c))]);
    }

    [Fact]
    public void ScoresSeparatedByOtherCutoffsAreRecoveredWithoutError()
    {
        // truth follows cutoffs that differ from rounding by up to 0.4; the fitted rule must reproduce every reference class
        var (p, truth) = Separable([0.9, 1.3, 2.1, 3.4], 600, 7);
        var fit = PfirrmannCutoffFit.Fit(p, truth);
        Assert.Null(fit.Problem());
        Assert.Equal(truth, p.Select(fit.Decide).ToArray());
        Assert.NotEqual(truth, p.Select(PfirrmannCutoffs.Rounding.Decide).ToArray());
    }

    [Fact]
    public void TheFittedKappaIsNeverBelowRoundings()
    {
        var rng = new Random(3);
        var p = Enumerable.Range(0, 300).Select(_ => { var v = Enumerable.Range(0, 5).Select(_ => rng.NextDouble()).ToArray(); var s = v.Sum(); return v.Select(x => x / s).ToArray(); }).ToArray();
        var truth = p.Select(x => Math.Clamp((int)Math.Round(PfirrmannCutoffs.ExpectedClass(x) + rng.NextDouble() * 2 - 1), 0, 4)).ToArray();
        double Kappa(PfirrmannCutoffs c) => ConfusionMatrix.From(truth, [.. p.Select(c.Decide)], 5).Kappa(KappaWeighting.Linear);
        Assert.True(Kappa(PfirrmannCutoffFit.Fit(p, truth)) >= Kappa(PfirrmannCutoffs.Rounding));
    }

    [Fact]
    public void EachFoldIsDecidedByCutoffsFittedOnTheOtherFoldsOnly()
    {
        // fold 0 follows cutoffs A, fold 1 follows cutoffs B; cross-validated, fold 0 must be decided by B's rule and fold 1 by A's
        double[] a = [0.9, 1.3, 2.1, 3.4], b = [0.3, 1.8, 2.7, 3.1];
        var (p0, t0) = Separable(a, 400, 1);
        var (p1, t1) = Separable(b, 400, 2);
        var p = p0.Concat(p1).ToArray();
        var truth = t0.Concat(t1).ToArray();
        var folds = Enumerable.Repeat(0, 400).Concat(Enumerable.Repeat(1, 400)).ToArray();
        var decided = PfirrmannCutoffFit.CrossValidate(p, truth, folds);
        var byB = p0.Select(x => b.Count(c => PfirrmannCutoffs.ExpectedClass(x) >= c)).ToArray();
        var byA = p1.Select(x => a.Count(c => PfirrmannCutoffs.ExpectedClass(x) >= c)).ToArray();
        // the fitted cutoffs sit on the 0.01 grid anywhere between neighbouring scores, so allow the few discs in those gaps
        Assert.True(decided.Take(400).Zip(byB).Count(e => e.First != e.Second) <= 4);
        Assert.True(decided.Skip(400).Zip(byA).Count(e => e.First != e.Second) <= 4);
        Assert.True(decided.Take(400).Zip(t0).Count(e => e.First != e.Second) > 50); // and so it misses fold 0's own truth
    }

    [Fact]
    public void MismatchedOrEmptyInputsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => PfirrmannCutoffFit.Fit([], []));
        Assert.Throws<ArgumentException>(() => PfirrmannCutoffFit.Fit([WithExpectedClass(1)], [1, 2]));
        Assert.Throws<ArgumentException>(() => PfirrmannCutoffFit.CrossValidate([WithExpectedClass(1), WithExpectedClass(2)], [1, 2], [0, 0]));
    }
}
