using System.Text.RegularExpressions;
using DiscScope.Training.Export;
using DiscScope.Training.Nn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Architectures;

/// <summary>
/// CNN classifier backbone (3x3 conv stem, residual stages with 2x2 max pooling between) with global average pooling and one linear head
/// per grading task. <c>forward</c> returns the heads' logits concatenated [N, sum of classes]; use <see cref="ForwardHeads"/> for
/// each head. ONNX export: "features" (last feature map), and per head "&lt;name&gt;_prob" [N, classes] (softmax) and
/// "&lt;name&gt;_cam" [N, classes, h, w], the head's weights applied as a 1x1 convolution to the features, whose spatial mean plus
/// the bias is the logit (exact class activation map for a global-average-pooled head).
/// </summary>
public sealed partial class MultiTaskClassifier : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly ConvBnAct stem;
    private readonly ModuleList<ResidualStage> stages;
    private readonly ModuleList<Linear> heads;
    private readonly MaxPool2d pool;

    public MultiTaskClassifier(ClassifierOptions options) : base(nameof(MultiTaskClassifier))
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Heads.Count == 0) throw new ArgumentException("a classifier needs at least one head", nameof(options));
        foreach (var h in options.Heads)
        {
            if (!HeadName().IsMatch(h.Name)) throw new ArgumentException($"head name '{h.Name}' must be letters, digits and '_'", nameof(options));
            if (h.Classes < 2) throw new ArgumentException($"head '{h.Name}' needs at least two classes", nameof(options));
        }
        if (options.Heads.Select(h => h.Name).Distinct().Count() != options.Heads.Count) throw new ArgumentException("head names must differ", nameof(options));
        Options = options;
        var o = options;
        stem = new ConvBnAct(o.InChannels, o.BaseChannels, 3, o.Activation);
        stages = nn.ModuleList([.. Enumerable.Range(0, o.Stages).Select(s =>
            new ResidualStage(s == 0 ? o.BaseChannels : o.ChannelsAt(s - 1), o.ChannelsAt(s), o.BlocksPerStage, o.Activation))]);
        heads = nn.ModuleList([.. o.Heads.Select(h => nn.Linear(o.FeatureChannels, h.Classes))]);
        pool = nn.MaxPool2d(2, 2);
        RegisterComponents();
    }

    public ClassifierOptions Options { get; }
    public int InputChannels => Options.InChannels;
    public int SizeMultiple => Options.SizeMultiple;
    public string Architecture => $"resnet-classifier(stages={Options.Stages}, base={Options.BaseChannels}, blocks={Options.BlocksPerStage}, heads={string.Join('+', Options.Heads.Select(h => h.Name))})";

    public override Tensor forward(Tensor x) => cat([.. ForwardHeads(x).Logits], 1);

    public ClassifierOutput ForwardHeads(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InChannels)
            throw new ArgumentException($"classifier input must be [N, {Options.InChannels}, H, W], got [{string.Join(", ", x.shape)}]");
        x = stem.forward(x);
        for (var s = 0; s < Options.Stages; s++) x = stages[s].forward(s == 0 ? x : pool.forward(x));
        var gap = x.mean([2, 3]);
        return new ClassifierOutput(x, [.. heads.Select(h => h.forward(gap))]);
    }

    public void EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var x = stem.EmitOnnx(g, input);
        for (var s = 0; s < Options.Stages; s++) x = stages[s].EmitOnnx(g, s == 0 ? x : LayerEmitters.MaxPool(g, x, 2));
        g.Node("Identity", [x], "features");
        var k = Options.FeatureChannels;
        g.Output("features", [null, k, null, null], "N", "h", "w");
        var gap = g.Node("Flatten", [g.Node("GlobalAveragePool", [x])], OnnxGraphBuilder.Int("axis", 1));
        for (var i = 0; i < heads.Count; i++)
        {
            var spec = Options.Heads[i];
            var w = OnnxGraphBuilder.Values(heads[i].weight!);
            var wn = g.Initializer(spec.Name + "_w", w, spec.Classes, k);
            var bn = g.Initializer(spec.Name + "_b", heads[i].bias!);
            var logits = g.Node("Gemm", [gap, wn, bn], OnnxGraphBuilder.Int("transB", 1));
            g.Node("Softmax", [logits], spec.Name + "_prob", OnnxGraphBuilder.Int("axis", 1));
            var w4 = g.Initializer(spec.Name + "_camw", w, spec.Classes, k, 1, 1);
            g.Node("Conv", [x, w4], spec.Name + "_cam", OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
            g.Output(spec.Name + "_prob", [null, spec.Classes], "N");
            g.Output(spec.Name + "_cam", [null, spec.Classes, null, null], "N", "h", "w");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex HeadName();
}
