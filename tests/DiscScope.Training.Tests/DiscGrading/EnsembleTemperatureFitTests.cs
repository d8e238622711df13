using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class EnsembleTemperatureFitTests
{
    /// <summary>
    /// An ensemble mean as averaging makes it: each of five "members" is right in its top class with probability q but spreads its mass
    /// over different wrong classes, so the mean is less confident than it is right.
    /// </summary>
    private static (int[] Folds, List<int[]> Truth, List<double[][]> P) UnderConfidentMean(int n = 400)
    {
        var rng = new Random(7);
        var folds = Enumerable.Range(0, n).Select(i => i % 5).ToArray();
        var truth = new List<int[]>(); var probs = new List<double[][]>();
        foreach (var task in GradingTask.All)
        {
            var k = task.Classes;
            var y = Enumerable.Range(0, n).Select(_ => rng.Next(k)).ToArray();
            var p = y.Select(t =>
            {
                var mean = new double[k];
                for (var m = 0; m < 5; m++)
                {
                    var top = rng.NextDouble() < 0.8 ? t : rng.Next(k);
                    for (var c = 0; c < k; c++) mean[c] += (c == top ? 0.55 : 0.45 / (k - 1)) / 5;
                }
                return mean;
            }).ToArray();
            truth.Add(y); probs.Add(p);
        }
        return (folds, truth, probs);
    }

    [Fact]
    public void AnUnderConfidentMeanIsSharpenedAndItsCrossFittedLossAndCalibrationErrorFall()
    {
        var (folds, truth, p) = UnderConfidentMean();
        var (heads, calibrated) = EnsembleTemperatureFit.Fit(folds, truth, p);
        Assert.Equal(GradingTask.All.Select(t => t.HeadName), heads.Select(h => h.Head));
        for (var h = 0; h < heads.Count; h++)
        {
            Assert.True(heads[h].Temperature < 1, $"{heads[h].Head}: T {heads[h].Temperature}");
            Assert.Equal(5, heads[h].FoldTemperatures.Count);
            Assert.True(heads[h].NllAfter < heads[h].NllBefore, $"{heads[h].Head}: NLL {heads[h].NllBefore} -> {heads[h].NllAfter}");
            Assert.True(heads[h].EceAfter < heads[h].EceBefore, $"{heads[h].Head}: ECE {heads[h].EceBefore} -> {heads[h].EceAfter}");
            // The reported figures are those of the returned rows, computed by the metrics library.
            Assert.Equal(CalibrationMetrics.NegativeLogLikelihood(truth[h], calibrated[h]), heads[h].NllAfter, 12);
            var shipped = TemperatureScaling.FitToProbabilities(p[h], truth[h]).Temperature;
            Assert.Equal(shipped, heads[h].Temperature, 12);
        }
    }

    [Fact]
    public void AWrongNumberOfHeadsIsRefused()
    {
        var (folds, truth, p) = UnderConfidentMean(50);
        Assert.Throws<ArgumentException>(() => EnsembleTemperatureFit.Fit(folds, truth.Take(3).ToList(), p.Take(3).ToList()));
    }
}
