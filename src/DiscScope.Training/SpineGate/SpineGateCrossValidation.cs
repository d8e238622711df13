using System.Text;

namespace DiscScope.Training.SpineGate;

/// <summary>
/// Group-level k-fold cross-validation of the gate: a group (a SPIDER patient, a volume, a radiograph) lies in exactly one fold, chosen
/// by a stable hash of its name, so every image is scored by a network that saw none of its group. Images that may not be trained on
/// (<see cref="GateImage.Trainable"/> false) are never trained on and are scored by the network of their fold: external test data. Images
/// without a stated spacing are scored once per assumed spacing.
/// </summary>
public static class SpineGateCrossValidation
{
    /// <summary>The fold (0-based) of a group: FNV-1a of its UTF-8 name modulo <paramref name="folds"/>.</summary>
    public static int FoldOf(string group, int folds)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "at least two folds");
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(group)) { h ^= b; h *= 16777619u; }
        return (int)(h % (uint)folds);
    }

    public static IReadOnlyList<GateOutOfFold> Run(IReadOnlyList<GateImage> images, int folds, SpineGateTrainingOptions options,
        IReadOnlyList<double> assumedSpacings, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images); ArgumentNullException.ThrowIfNull(assumedSpacings);
        if (assumedSpacings.Count == 0 || assumedSpacings.Any(s => !(s > 0))) throw new ArgumentException("assumed spacings must be positive", nameof(assumedSpacings));
        var fold = images.Select(x => FoldOf(x.Group, folds)).ToArray();
        var rows = new List<GateOutOfFold>();
        for (var f = 0; f < folds; f++)
        {
            var train = images.Where((x, i) => fold[i] != f && x.Trainable).ToList();
            var test = images.Where((_, i) => fold[i] == f).ToList();
            log?.Invoke($"fold {f + 1}/{folds}: training on {train.Count} images ({train.Count(x => x.IsSpineMr)} spine MR), testing {test.Count}");
            var net = new SpineGateTrainer(options with { Seed = options.Seed + f }, log).Train(train, cancellationToken);
            var known = test.Where(x => x.SpacingKnown).ToList();
            var p = SpineGateTrainer.Predict(net, known, assumedSpacings[0]);
            rows.AddRange(known.Select((x, i) => new GateOutOfFold(x.Source, x.Group, x.Name, x.IsSpineMr, f, null, p[i], !x.Trainable)));
            var unknown = test.Where(x => !x.SpacingKnown).ToList();
            foreach (var s in assumedSpacings)
            {
                var q = SpineGateTrainer.Predict(net, unknown, s);
                rows.AddRange(unknown.Select((x, i) => new GateOutOfFold(x.Source, x.Group, x.Name, x.IsSpineMr, f, s, q[i], !x.Trainable)));
            }
            net.Dispose();
        }
        return rows;
    }
}
