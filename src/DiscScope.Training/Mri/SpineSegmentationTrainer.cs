using System.Diagnostics;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Models.Onnx;
using DiscScope.Training.Architectures;
using DiscScope.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Mri;

/// <summary>
/// Trains the 2D vertebra / disc / canal U-Net on <see cref="LabelledSlice"/>s: augmented canvas samples, loss = cross-entropy + soft Dice
/// (foreground classes), AdamW with linear warm-up and cosine decay over the step budget; exports ONNX with its metadata.
/// </summary>
public sealed class SpineSegmentationTrainer(SegmentationTrainingOptions options, Action<string>? log = null)
{
    public const int Classes = 4;

    public UNet2d Train(IReadOnlyList<LabelledSlice> slices)
    {
        if (slices.Count == 0) throw new ArgumentException("no training slices", nameof(slices));
        var o = options;
        torch.set_num_threads(o.Threads);
        torch.manual_seed(o.Seed);
        var net = new UNet2d(new UNetOptions(InChannels: 1, Classes: Classes, Depth: o.Depth, BaseChannels: o.BaseChannels));
        net.train();
        var opt = torch.optim.AdamW(net.parameters(), o.LearningRate, weight_decay: 1e-4);
        var prepared = slices.Select(SliceAugmenter.Prepare).ToArray();
        var aug = new SliceAugmenter(o.Canvas, o.Seed);
        var rng = new Random(o.Seed);
        int hw = o.PatchWidth * o.PatchHeight, b = o.BatchSize;
        var img = new float[b * hw]; var lab = new long[b * hw];
        var sw = Stopwatch.StartNew();
        var warm = Math.Min(50, o.Steps / 10);
        double emaLoss = double.NaN;
        var step = 0;
        for (; step < o.Steps && sw.Elapsed < o.TimeBudget; step++)
        {
            // Learning rate: warm-up then cosine over the planned steps (or the share of the time budget used, if that ends first).
            var progress = Math.Max(step / (double)o.Steps, sw.Elapsed / o.TimeBudget);
            var lr = o.LearningRate * (step < warm ? (step + 1.0) / warm : 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress))));
            foreach (var g in opt.ParamGroups) g.LearningRate = Math.Max(lr, o.LearningRate * 0.02);
            for (var i = 0; i < b; i++)
                aug.Sample(prepared[rng.Next(prepared.Length)], true, o.PatchWidth, o.PatchHeight, img.AsSpan(i * hw, hw), lab.AsSpan(i * hw, hw));
            using var scope = NewDisposeScope();
            var x = tensor(img, [b, 1, o.PatchHeight, o.PatchWidth]);
            var y = tensor(lab, [b, o.PatchHeight, o.PatchWidth]);
            var logits = net.forward(x);
            var loss = Loss(logits, y, o.DiceWeight);
            opt.zero_grad();
            loss.backward();
            opt.step();
            var l = loss.item<float>();
            emaLoss = double.IsNaN(emaLoss) ? l : 0.95 * emaLoss + 0.05 * l;
            if (step % 20 == 0)
                log?.Invoke(FormattableString.Invariant($"step {step} loss {emaLoss:F4} lr {lr:G3} elapsed {sw.Elapsed.TotalSeconds:F0}s ({sw.Elapsed.TotalSeconds / (step + 1):F2} s/step)"));
        }
        log?.Invoke(FormattableString.Invariant($"stopped after {step} steps, {sw.Elapsed.TotalMinutes:F1} min, loss {emaLoss:F4}"));
        StepsDone = step;
        net.eval();
        return net;
    }

    /// <summary>Steps run by the last <see cref="Train"/>.</summary>
    public int StepsDone { get; private set; }

    /// <summary>Cross-entropy + weight x (1 - mean soft Dice over the foreground classes).</summary>
    public static Tensor Loss(Tensor logits, Tensor target, double diceWeight)
    {
        var ce = nn.functional.cross_entropy(logits, target);
        var p = nn.functional.softmax(logits, 1);
        var oh = nn.functional.one_hot(target, Classes).permute(0, 3, 1, 2).to_type(ScalarType.Float32);
        var dims = new long[] { 0, 2, 3 };
        var inter = (p * oh).sum(dims);
        var denom = p.sum(dims) + oh.sum(dims);
        var dice = (2 * inter + 1) / (denom + 1);
        var fg = dice.narrow(0, 1, Classes - 1).mean();
        return ce + diceWeight * (1 - fg);
    }

    /// <summary>Exports the trained network with DiscScope metadata (canvas spacing in the normalisation record).</summary>
    public void Export(UNet2d net, string path, string trainingData, string description) =>
        OnnxExporter.Export(net, path, new ModelMetadata(
            Name: "spine-seg-sag", Version: "0.1.0", Task: "segmentation",
            TrainingData: trainingData,
            Normalization: new InputNormalization("minmax", 1, 99, options.Canvas.SpacingMm),
            LabelMap: new Dictionary<string, IReadOnlyList<string>> { ["segmentation"] = ["background", "vertebra", "disc", "canal"] },
            Description: description,
            Licence: "trained on SPIDER (CC BY 4.0, attribution: van der Graaf et al., Sci Data 2024); research decision support only, not for diagnosis"));
}
