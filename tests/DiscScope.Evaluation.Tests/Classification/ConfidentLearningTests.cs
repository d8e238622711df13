using DiscScope.Evaluation;
using DiscScope.TestSupport;

namespace DiscScope.Evaluation.Tests.Classification;

public class ConfidentLearningTests
{
    [Fact]
    public void A_planted_mislabel_is_questioned_and_the_thresholds_are_class_means()
    {
        // Four discs labelled 0, three labelled 1; disc 3 is labelled 0 but predicted 1 with confidence.
        int[] labels = [0, 0, 0, 0, 1, 1, 1];
        double[][] p = [[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.2, 0.8], [0.3, 0.7], [0.1, 0.9], [0.4, 0.6]];
        var t = ConfidentLearning.Thresholds(labels, p, 2);
        Assert.Equal(0.65, t[0]!.Value, 12); // (0.9 + 0.8 + 0.7 + 0.2) / 4
        Assert.Equal(0.7333333333333333, t[1]!.Value, 12); // (0.7 + 0.9 + 0.6) / 3
        // Disc 3 reaches class 1 only (0.8 >= 0.733): an issue. Discs 4 (0.3, 0.7) and 6 (0.4, 0.6) reach neither class: not counted.
        Assert.Equal([0, 0, 0, 1, null, 1, null], ConfidentLearning.ConfidentClasses(labels, p, 2));
        Assert.Equal([false, false, false, true, false, false, false], ConfidentLearning.Issues(labels, p, 2));
    }

    [Fact]
    public void Several_classes_reached_count_as_the_most_probable_and_a_class_without_discs_is_never_reached()
    {
        int[] labels = [0, 0, 1, 1, 2];
        double[][] p = [[0.5, 0.3, 0.2], [0.3, 0.3, 0.4], [0.1, 0.8, 0.1], [0.4, 0.2, 0.4], [0.2, 0.2, 0.6]];
        // Thresholds 0.4, 0.5, 0.6: disc 1 reaches none; disc 3 reaches class 0 only, exactly at its threshold (0.4).
        Assert.Equal([0, null, 1, 0, 2], ConfidentLearning.ConfidentClasses(labels, p, 3));
        double[][] q = [[0.5, 0.45, 0.05], [0.6, 0.35, 0.05], [0.1, 0.55, 0.35]];
        // Thresholds 0.5 and (0.35 + 0.55) / 2 = 0.45; class 2 has no disc, so no threshold. Disc 0 reaches class 0 and class 1: the more
        // probable, 0. Disc 1, labelled 1, reaches class 0 only: an issue.
        var t = ConfidentLearning.Thresholds([0, 1, 1], q, 3);
        Assert.Null(t[2]);
        Assert.Equal([0, 0, 1], ConfidentLearning.ConfidentClasses([0, 1, 1], q, 3));
        Assert.Equal([false, true, false], ConfidentLearning.Issues([0, 1, 1], q, 3));
    }

    [Fact]
    public void Agrees_with_cleanlabs_algorithm_in_numpy_on_random_predictions()
    {
        var rng = new Random(7);
        const int n = 300, k = 5;
        var truth = Enumerable.Range(0, n).Select(_ => rng.Next(k)).ToArray();
        var p = truth.Select(y =>
        {
            var w = Enumerable.Range(0, k).Select(c => Math.Exp(rng.NextDouble() * 2 + (c == y ? 1.2 : 0) - 0.3 * Math.Abs(c - y))).ToArray();
            return w.Select(v => v / w.Sum()).ToArray();
        }).ToArray();
        // One label in five replaced by a random class: planted noise for the rule to find.
        var labels = truth.Select(y => rng.NextDouble() < 0.2 ? rng.Next(k) : y).ToArray();
        var peer = ReferencePeer.Run(new { kind = "confident_learning", truth = labels, probs = p })[0];
        var t = ConfidentLearning.Thresholds(labels, p, k);
        Assert.Equal(ReferencePeer.Doubles(peer.GetProperty("thresholds")), t.Select(v => v!.Value), new ToleranceComparer(1e-12));
        Assert.Equal(peer.GetProperty("counted").EnumerateArray().Select(e => e.GetInt32()), ConfidentLearning.ConfidentClasses(labels, p, k).Select(c => c ?? -1));
        var issues = ConfidentLearning.Issues(labels, p, k);
        Assert.Equal(peer.GetProperty("issues").EnumerateArray().Select(e => e.GetBoolean()), issues);
        Assert.InRange(issues.Count(x => x), 1, n - 1); // the case is not degenerate
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ConfidentLearning.Thresholds([0, 1], [[0.5, 0.5]], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidentLearning.Thresholds([2], [[0.5, 0.5]], 2));
        Assert.Throws<ArgumentException>(() => ConfidentLearning.Thresholds([0], [[0.5, 0.3, 0.2]], 2));
        Assert.Throws<ArgumentException>(() => ConfidentLearning.Thresholds([0], [[double.NaN, 0.5]], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidentLearning.Thresholds([0], [[1.0]], 1));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
