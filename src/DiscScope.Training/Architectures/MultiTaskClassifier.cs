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
/// With <see cref="ClassifierOptions.PatientContext"/> the heads also see the group's mean pooled features and the sample's difference from
/// it (a group = one patient's discs; the exported model treats its whole batch as one group), and with
/// <see cref="ClassifierOptions.LevelInputs"/> an extra input "level" [N, L]; the activation map is then that of the disc's own features
/// (its weights are the own-feature and difference weights summed), and the context and level terms add a per-disc constant to the logit.
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
        if (o.LevelInputs < 0) throw new ArgumentException("level inputs must be >= 0", nameof(options));
        heads = nn.ModuleList([.. o.Heads.Select(h => nn.Linear(o.HeadInputs, h.Classes))]);
        pool = nn.MaxPool2d(2, 2);
        RegisterComponents();
    }

    public ClassifierOptions Options { get; }
    public int InputChannels => Options.InChannels;
    public int SizeMultiple => Options.SizeMultiple;
    public string Architecture => $"resnet-classifier(stages={Options.Stages}, base={Options.BaseChannels}, blocks={Options.BlocksPerStage}, heads={string.Join('+', Options.Heads.Select(h => h.Name))}"
        + (Options.PatientContext ? ", patient-context" : "") + (Options.LevelInputs > 0 ? $", level-inputs={Options.LevelInputs}" : "") + ")";

    public override Tensor forward(Tensor x) => cat([.. ForwardHeads(x).Logits], 1);

    /// <summary>Features and per-head logits. <paramref name="levels"/> [N, LevelInputs] is required when the network has level inputs;
    /// <paramref name="groups"/> [N] (int64, 0-based group per sample) sets the patient-context groups (null = the whole batch is one group).</summary>
    public ClassifierOutput ForwardHeads(Tensor x, Tensor? levels = null, Tensor? groups = null)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InChannels)
            throw new ArgumentException($"classifier input must be [N, {Options.InChannels}, H, W], got [{string.Join(", ", x.shape)}]");
        x = stem.forward(x);
        for (var s = 0; s < Options.Stages; s++) x = stages[s].forward(s == 0 ? x : pool.forward(x));
        var headInput = HeadInput(x.mean([2, 3]), levels, groups);
        return new ClassifierOutput(x, [.. heads.Select(h => h.forward(headInput))]);
    }

    private Tensor HeadInput(Tensor gap, Tensor? levels, Tensor? groups)
    {
        var n = gap.shape[0];
        var parts = new List<Tensor> { gap };
        if (Options.PatientContext)
        {
            var g = groups ?? zeros(n, dtype: ScalarType.Int64, device: gap.device);
            if (g.dim() != 1 || g.shape[0] != n) throw new ArgumentException($"groups must be [{n}], got [{string.Join(", ", g.shape)}]");
            var membership = nn.functional.one_hot(g, g.max().item<long>() + 1).to_type(gap.dtype); // [N, G]
            var means = membership.t().matmul(gap) / membership.sum(dim: 0L).clamp_min(1).unsqueeze(1); // (dim: 0L, not 0: a literal 0 binds to the dtype overload)
            var context = membership.matmul(means);
            parts.Add(context);
            parts.Add(gap - context);
        }
        if (Options.LevelInputs > 0)
        {
            if (levels is null || levels.dim() != 2 || levels.shape[0] != n || levels.shape[1] != Options.LevelInputs)
                throw new ArgumentException($"this classifier needs level inputs [{n}, {Options.LevelInputs}]");
            parts.Add(levels.to_type(gap.dtype));
        }
        return parts.Count == 1 ? gap : cat(parts, 1);
    }

    public void EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var x = stem.EmitOnnx(g, input);
        for (var s = 0; s < Options.Stages; s++) x = stages[s].EmitOnnx(g, s == 0 ? x : LayerEmitters.MaxPool(g, x, 2));
        g.Node("Identity", [x], "features");
        var k = Options.FeatureChannels;
        g.Output("features", [null, k, null, null], "N", "h", "w");
        var gap = g.Node("Flatten", [g.Node("GlobalAveragePool", [x])], OnnxGraphBuilder.Int("axis", 1));
        var parts = new List<string> { gap };
        if (Options.PatientContext)
        {
            var mean = g.Node("ReduceMean", [gap], OnnxGraphBuilder.Ints("axes", 0), OnnxGraphBuilder.Int("keepdims", 1));
            parts.Add(g.Node("Expand", [mean, g.Node("Shape", [gap])]));
            parts.Add(g.Node("Sub", [gap, mean]));
        }
        if (Options.LevelInputs > 0)
        {
            g.Input(LevelInputName, [null, Options.LevelInputs], "N");
            parts.Add(LevelInputName);
        }
        var headInput = parts.Count == 1 ? gap : g.Node("Concat", parts, OnnxGraphBuilder.Int("axis", 1));
        for (var i = 0; i < heads.Count; i++)
        {
            var spec = Options.Heads[i];
            var weight = heads[i].weight!;
            var wn = g.Initializer(spec.Name + "_w", OnnxGraphBuilder.Values(weight), spec.Classes, Options.HeadInputs);
            var bn = g.Initializer(spec.Name + "_b", heads[i].bias!);
            var logits = g.Node("Gemm", [headInput, wn, bn], OnnxGraphBuilder.Int("transB", 1));
            g.Node("Softmax", [logits], spec.Name + "_prob", OnnxGraphBuilder.Int("axis", 1));
            var own = Options.PatientContext ? weight.narrow(1, 0, k) + weight.narrow(1, 2 * k, k) : weight.narrow(1, 0, k);
            var w4 = g.Initializer(spec.Name + "_camw", OnnxGraphBuilder.Values(own.contiguous()), spec.Classes, k, 1, 1);
            g.Node("Conv", [x, w4], spec.Name + "_cam", OnnxGraphBuilder.Ints("kernel_shape", 1, 1));
            g.Output(spec.Name + "_prob", [null, spec.Classes], "N");
            g.Output(spec.Name + "_cam", [null, spec.Classes, null, null], "N", "h", "w");
        }
    }

    /// <summary>Name of the exported model's level input when <see cref="ClassifierOptions.LevelInputs"/> &gt; 0.</summary>
    public const string LevelInputName = "level";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex HeadName();
}
