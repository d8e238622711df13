using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Multi-task grading with a <see cref="MultiTaskClassifier"/>: loss = sum over heads of class-weighted cross-entropy over the samples
/// whose label for that head is known, plus, for ordinal heads, a weighted squared error between the expected grade under the softmax
/// (sum over k of k p_k) and the true grade, so that a prediction two grades off costs more than one a grade off (cross-entropy alone
/// treats them alike); metric = mean over heads of balanced accuracy (mean recall over the classes present).
/// </summary>
public sealed class ClassificationObjective : ITrainingObjective<ClassificationSample>
{
    private readonly MultiTaskClassifier _net;
    private readonly IReadOnlyList<float[]?>? _weights;
    private readonly Augmenter2d? _augmenter;
    private readonly IReadOnlyList<double>? _ordinalWeights;

    /// <param name="network">The classifier.</param>
    /// <param name="classWeights">Per head, cross-entropy class weights (null entry or list = equal weights).</param>
    /// <param name="augmentation">Augmentation of training images; null = none.</param>
    /// <param name="ordinalWeights">Per head, the weight of the expected-grade squared error (0 = a nominal head; null = all nominal).</param>
    public ClassificationObjective(MultiTaskClassifier network, IReadOnlyList<float[]?>? classWeights = null, AugmentationOptions? augmentation = null,
        IReadOnlyList<double>? ordinalWeights = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        _net = network;
        var heads = network.Options.Heads;
        if (classWeights is not null)
        {
            if (classWeights.Count != heads.Count) throw new ArgumentException($"{classWeights.Count} class-weight entries for {heads.Count} heads");
            for (var h = 0; h < heads.Count; h++)
                if (classWeights[h] is { } w && w.Length != heads[h].Classes) throw new ArgumentException($"head '{heads[h].Name}': {w.Length} weights for {heads[h].Classes} classes");
        }
        if (ordinalWeights is not null && ordinalWeights.Count != heads.Count)
            throw new ArgumentException($"{ordinalWeights.Count} ordinal weights for {heads.Count} heads");
        if (ordinalWeights is not null && ordinalWeights.Any(w => !(w >= 0) || double.IsInfinity(w)))
            throw new ArgumentException("ordinal weights must be finite and >= 0");
        _ordinalWeights = ordinalWeights;
        _weights = classWeights;
        _augmenter = augmentation is null ? null : new Augmenter2d(augmentation);
    }

    public nn.Module Model => _net;
    public string MetricName => "balanced accuracy";

    public ClassificationSample Augment(ClassificationSample s, Random rng)
    {
        if (_augmenter is null) return s;
        var a = _augmenter.Apply(s.Image, s.Channels, s.Height, s.Width, rng);
        return new ClassificationSample(a.Image, s.Channels, s.Height, s.Width, s.Labels);
    }

    public Tensor Loss(IReadOnlyList<ClassificationSample> batch)
    {
        var f = batch[0];
        var x = Collate.Images(batch, s => s.Image, f.Channels, f.Height, f.Width);
        var output = _net.ForwardHeads(x);
        Tensor? total = null;
        for (var h = 0; h < output.Logits.Count; h++)
        {
            var labels = batch.Select(s => (long)Label(s, h)).ToArray();
            if (labels.All(l => l < 0)) continue;
            var w = _weights?[h] is { } cw ? tensor(cw) : null;
            var y = tensor(labels);
            var ce = nn.functional.cross_entropy(output.Logits[h], y, w, ignore_index: -1);
            total = total is null ? ce : total + ce;
            if (_ordinalWeights is { } ow && ow[h] > 0) total = total + ow[h] * ExpectedGradeSquaredError(output.Logits[h], y);
        }
        return total ?? (output.Logits[0].sum() * 0); // no labels at all in this batch: zero loss, still differentiable
    }

    /// <summary>Mean over samples with a known label (label >= 0) of (sum_k k softmax(z)_k - y)^2.</summary>
    public static Tensor ExpectedGradeSquaredError(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits); ArgumentNullException.ThrowIfNull(labels);
        var k = logits.shape[1];
        var expected = (nn.functional.softmax(logits, 1) * arange(k, dtype: logits.dtype)).sum(1);
        var known = labels.ge(0);
        var err = (expected - labels.to_type(logits.dtype)).pow(2) * known.to_type(logits.dtype);
        return err.sum() / known.sum().clamp_min(1).to_type(logits.dtype);
    }

    public double Evaluate(IReadOnlyList<ClassificationSample> samples, int batchSize)
    {
        var heads = _net.Options.Heads;
        var correct = heads.Select(h => new long[h.Classes]).ToArray();
        var total = heads.Select(h => new long[h.Classes]).ToArray();
        for (var i = 0; i < samples.Count; i += batchSize)
        {
            var batch = samples.Skip(i).Take(batchSize).ToList();
            var f = batch[0];
            var output = _net.ForwardHeads(Collate.Images(batch, s => s.Image, f.Channels, f.Height, f.Width));
            for (var h = 0; h < heads.Count; h++)
            {
                var pred = output.Logits[h].argmax(1).data<long>().ToArray();
                for (var n = 0; n < batch.Count; n++)
                {
                    var y = Label(batch[n], h);
                    if (y < 0) continue;
                    total[h][y]++;
                    if (pred[n] == y) correct[h][y]++;
                }
            }
        }
        var per = Enumerable.Range(0, heads.Count)
            .Select(h => Enumerable.Range(0, heads[h].Classes).Where(c => total[h][c] > 0).Select(c => (double)correct[h][c] / total[h][c]).DefaultIfEmpty(double.NaN).Average())
            .Where(double.IsFinite).ToList();
        return per.Count > 0 ? per.Average() : 0;
    }

    private int Label(ClassificationSample s, int head)
    {
        if (s.Labels.Length != _net.Options.Heads.Count) throw new ArgumentException($"sample has {s.Labels.Length} labels for {_net.Options.Heads.Count} heads");
        var y = s.Labels[head];
        if (y >= _net.Options.Heads[head].Classes) throw new ArgumentException($"label {y} outside head '{_net.Options.Heads[head].Name}' classes");
        return y;
    }
}
