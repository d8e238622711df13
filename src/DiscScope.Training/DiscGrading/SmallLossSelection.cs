namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Small-loss selection against label noise: of a batch's known targets, the share with the highest per-sample loss is set aside
/// (its target becomes ignored), on the view that a reference the network keeps contradicting late in training is more often a wrong
/// label than a hard case. The share ramps up from 0 over the first epochs, while the network still learns the easy patterns.
/// </summary>
public static class SmallLossSelection
{
    /// <summary>Epochs over which the ignored share ramps linearly from 0 to its full value.</summary>
    public const int RampEpochs = 10;

    /// <summary>The share of targets ignored in epoch <paramref name="epoch"/> (1-based): fraction × min(1, epoch / <see cref="RampEpochs"/>).</summary>
    public static double ShareAt(double fraction, int epoch)
    {
        if (!(fraction is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the share must lie in [0, 1)");
        if (epoch < 1) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "epochs count from 1");
        return fraction * Math.Min(1.0, epoch / (double)RampEpochs);
    }

    /// <summary>
    /// The labels with the floor(<paramref name="share"/> × known) highest-loss known targets replaced by <paramref name="ignored"/>
    /// (known = label ≥ 0; ties broken by position, the later one kept). Labels already ignored stay so; the input is not changed.
    /// </summary>
    public static long[] Truncate(IReadOnlyList<float> losses, IReadOnlyList<long> labels, double share, long ignored)
    {
        ArgumentNullException.ThrowIfNull(losses); ArgumentNullException.ThrowIfNull(labels);
        if (losses.Count != labels.Count) throw new ArgumentException($"{losses.Count} losses for {labels.Count} labels", nameof(losses));
        if (!(share is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "the share must lie in [0, 1)");
        if (ignored >= 0) throw new ArgumentOutOfRangeException(nameof(ignored), ignored, "the ignored target must be negative");
        var result = labels.ToArray();
        var known = Enumerable.Range(0, labels.Count).Where(n => labels[n] >= 0).ToList();
        var drop = (int)Math.Floor(share * known.Count);
        if (drop == 0) return result;
        foreach (var n in known.OrderByDescending(n => float.IsNaN(losses[n]) ? float.PositiveInfinity : losses[n]).ThenBy(n => n).Take(drop)) result[n] = ignored;
        return result;
    }
}
