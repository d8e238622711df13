using DiscScope.TestSupport;
using DiscScope.Evaluation.Tests.Classification;

namespace DiscScope.Evaluation.Tests.Calibration;

public class TemperatureScalingTests
{
    [Theory]
    [InlineData(10, 400, 5, 3.0)] // over-confident logits: expect T > 1
    [InlineData(11, 300, 3, 0.4)] // under-confident logits: expect T < 1
    public void MatchesScipyBoundedMinimisationOfTheNll(int seed, int n, int classes, double scale)
    {
        var (truth, logits) = Samples.Logits(seed, n, classes, 1.0, scale);
        var peer = ReferencePeer.Run(new { kind = "temperature", truth, logits })[0];
        var fit = TemperatureScaling.Fit(logits, truth);
        // The NLL is flat at its minimum, so in doubles its arg-min is resolved to ~sqrt(1e-16) = 1e-8 relative by any
        // 1-D minimiser; golden-section here and Brent (scipy bounded) there agree to 1e-6 relative.
        Assert.Equal(1, fit.Temperature / peer.GetProperty("temperature").GetDouble(), 1e-6);
        Assert.Equal(peer.GetProperty("nll_before").GetDouble(), fit.NllBefore, 1e-12); // same formula, summation order only
        Assert.Equal(peer.GetProperty("nll_after").GetDouble(), fit.NllAfter, 1e-10);   // second-order in the 1e-6 above
        Assert.True(fit.NllAfter <= fit.NllBefore);
        Assert.Equal(scale > 1, fit.Temperature > 1);
    }

    [Fact]
    public void ApplyingKeepsTheArgMaxAndMatchesTheDefinition()
    {
        var s = new TemperatureScaler(2, 0, 0);
        var p = s.Apply([2.0, 0.0, -1.0]);
        double e0 = Math.Exp(1), e1 = 1, e2 = Math.Exp(-0.5), sum = e0 + e1 + e2;
        Assert.Equal(e0 / sum, p[0], 15);
        Assert.Equal(e2 / sum, p[2], 15);
        // softmax(ln p / T) = p^(1/T) renormalised: (0.64, 0.36) at T = 2 → (0.8, 0.6)/1.4.
        var q = s.ApplyToProbabilities([0.64, 0.36]);
        Assert.Equal(0.8 / 1.4, q[0], 12); // through log and exp: a few ulps
        Assert.Equal(1 / (1 + Math.Exp(-1.5)), s.ApplyBinary(3), 15);
        Assert.Equal(0.8 / 1.4, s.ApplyBinaryToProbability(0.64), 12);
    }

    [Fact]
    public void BinaryAndProbabilityFitsAgreeWithTheLogitFit()
    {
        var (truth, logits) = Samples.Logits(12, 200, 2, 1.0, 2.5);
        var full = TemperatureScaling.Fit(logits, truth);
        var binary = TemperatureScaling.FitBinary([.. logits.Select(z => z[1] - z[0])], [.. truth.Select(t => t == 1)]);
        var fromProbs = TemperatureScaling.FitToProbabilities(Samples.Softmax(logits), truth);
        // softmax is invariant to a shift of the logits, so all three minimise the same function; 1e-6 as in the scipy comparison.
        Assert.Equal(1, binary.Temperature / full.Temperature, 1e-6);
        Assert.Equal(1, fromProbs.Temperature / full.Temperature, 1e-6);
    }
}
