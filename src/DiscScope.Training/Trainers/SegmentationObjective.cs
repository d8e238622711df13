using DiscScope.Training.Architectures;
using DiscScope.Training.Augmentation;
using static TorchSharp.torch;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Segmentation with a <see cref="UNet2d"/>: loss = CE (class-weighted) + soft Dice, plus deep-supervision terms on the auxiliary heads
/// against nearest-downsampled labels; metric = mean Dice over foreground classes of the hard (argmax) prediction, pooled over the
/// validation set (classes absent from both truth and prediction are left out). With <see cref="PatchSampling"/>, training batches are
/// random patches of one size; validation images of any size are padded to the network's size multiple one by one.
/// </summary>
public sealed class SegmentationObjective : ITrainingObjective<SegmentationSample>
{
    private readonly UNet2d _net;
    private readonly Augmenter2d? _augmenter;
    private readonly PatchSampling? _patches;

    public SegmentationObjective(UNet2d network, SegmentationLossOptions? loss = null, AugmentationOptions? augmentation = null, PatchSampling? patches = null)
    {
        if (patches is not null && (patches.Height % network.Options.SizeMultiple != 0 || patches.Width % network.Options.SizeMultiple != 0))
            throw new ArgumentException($"patch {patches.Height} x {patches.Width} is not a multiple of {network.Options.SizeMultiple}");
        _patches = patches;
        ArgumentNullException.ThrowIfNull(network);
        _net = network;
        LossOptions = loss ?? new SegmentationLossOptions();
        if (LossOptions.ClassWeights is { } w && w.Length != network.Options.Classes)
            throw new ArgumentException($"{w.Length} class weights for {network.Options.Classes} classes");
        _augmenter = augmentation is null ? null : new Augmenter2d(augmentation);
    }

    public SegmentationLossOptions LossOptions { get; }
    public nn.Module Model => _net;
    public string MetricName => "dice";

    public SegmentationSample Augment(SegmentationSample s, Random rng)
    {
        if (_patches is not null) s = _patches.Crop(s, rng);
        if (_augmenter is null) return s;
        var a = _augmenter.Apply(s.Image, s.Channels, s.Height, s.Width, rng, s.Labels);
        return new SegmentationSample(a.Image, a.Labels!, s.Channels, s.Height, s.Width);
    }

    public Tensor Loss(IReadOnlyList<SegmentationSample> batch)
    {
        var (x, y) = ToTensors(batch);
        var (logits, aux) = _net.ForwardAll(x);
        var loss = LossAt(logits, y);
        if (aux.Count == 0) return loss;
        // aux[j] is at scale 2^(Depth-2-j)
        var depth = _net.Options.Depth;
        var weights = new List<double> { 1 };
        var total = loss;
        for (var j = 0; j < aux.Count; j++)
        {
            var k = depth - 2 - j;
            var s = 1L << k;
            var wgt = Math.Pow(LossOptions.DeepSupervisionDecay, k);
            var yk = y.slice(1, 0, y.shape[1], s).slice(2, 0, y.shape[2], s);
            total = total + LossAt(aux[j], yk) * wgt;
            weights.Add(wgt);
        }
        return total / weights.Sum();
    }

    /// <summary>CE + soft Dice of logits [N, K, H, W] against labels [N, H, W].</summary>
    public Tensor LossAt(Tensor logits, Tensor labels)
    {
        var k = logits.shape[1];
        var weight = LossOptions.ClassWeights is { } cw ? tensor(cw) : null;
        var ce = nn.functional.cross_entropy(logits, labels, weight);
        if (LossOptions.DiceWeight == 0) return ce * LossOptions.CrossEntropyWeight;
        var p = nn.functional.softmax(logits, 1);
        var onehot = nn.functional.one_hot(labels, k).permute(0, 3, 1, 2).to_type(ScalarType.Float32);
        long[] dims = [0, 2, 3];
        var inter = (p * onehot).sum(dims);
        var denom = p.sum(dims) + onehot.sum(dims);
        var dice = (inter * 2 + 1e-5) / (denom + 1e-5);
        var fg = k > 1 ? dice.slice(0, 1, k, 1) : dice;
        return ce * LossOptions.CrossEntropyWeight + (1 - fg.mean()) * LossOptions.DiceWeight;
    }

    public double Evaluate(IReadOnlyList<SegmentationSample> samples, int batchSize)
    {
        var k = _net.Options.Classes;
        var inter = new long[k]; var sum = new long[k];
        var m = _net.Options.SizeMultiple;
        var sameShape = samples.All(s => s.Height == samples[0].Height && s.Width == samples[0].Width && s.Height % m == 0 && s.Width % m == 0);
        var step = sameShape ? batchSize : 1;
        for (var i = 0; i < samples.Count; i += step)
        {
            var batch = samples.Skip(i).Take(step).ToList();
            var padded = sameShape ? batch : [PatchSampling.Extract(batch[0], 0, 0, RoundUp(batch[0].Height, m), RoundUp(batch[0].Width, m))];
            var (x, _) = ToTensors(padded);
            var pa = _net.forward(x).argmax(1).data<long>().ToArray();
            int ph = padded[0].Height, pw = padded[0].Width;
            for (var n = 0; n < batch.Count; n++)
            {
                var s = batch[n];
                for (var yy = 0; yy < s.Height; yy++)
                    for (var xx = 0; xx < s.Width; xx++)
                    {
                        var p = pa[(n * ph + yy) * pw + xx];
                        var t = s.Labels[yy * s.Width + xx];
                        sum[p]++; sum[t]++;
                        if (p == t) inter[p]++;
                    }
            }
        }
        var dices = Enumerable.Range(k > 1 ? 1 : 0, k > 1 ? k - 1 : 1).Where(c => sum[c] > 0).Select(c => 2.0 * inter[c] / sum[c]).ToList();
        return dices.Count > 0 ? dices.Average() : 1.0;
    }

    private static int RoundUp(int v, int m) => (v + m - 1) / m * m;

    private static (Tensor X, Tensor Y) ToTensors(IReadOnlyList<SegmentationSample> batch)
    {
        var f = batch[0];
        return (Collate.Images(batch, s => s.Image, f.Channels, f.Height, f.Width), Collate.Labels(batch, s => s.Labels, f.Height, f.Width));
    }
}
