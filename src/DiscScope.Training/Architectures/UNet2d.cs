using DiscScope.Training.Export;
using DiscScope.Training.Nn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Architectures;

/// <summary>
/// 2D U-Net (Ronneberger et al. 2015) with residual blocks: encoder stages separated by 2x2 max pooling, decoder stages after 2x2
/// transposed-convolution upsampling and concatenation [upsampled, skip], and a 1x1 convolution head. <c>forward</c> returns logits
/// [N, Classes, H, W]; H and W must be multiples of <see cref="UNetOptions.SizeMultiple"/>.
/// ONNX export: input "image" [N, C, H, W], outputs "logits" and "probabilities" (softmax over classes).
/// </summary>
public sealed class UNet2d : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly ModuleList<ResidualStage> encoders;
    private readonly ModuleList<ConvTranspose2d> ups;
    private readonly ModuleList<Conv2d> resizeConvs;
    private readonly ModuleList<ResidualStage> decoders;
    private readonly Conv2d head;
    private readonly ModuleList<Conv2d> aux;
    private readonly MaxPool2d pool;

    public UNet2d(UNetOptions options) : base(nameof(UNet2d))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var o = options;
        encoders = nn.ModuleList([.. Enumerable.Range(0, o.Depth).Select(l =>
            new ResidualStage(l == 0 ? o.InChannels : o.ChannelsAt(l - 1), o.ChannelsAt(l), o.BlocksPerLevel, o.Activation))]);
        // decoder j works at level Depth-2-j
        var transposed = o.Upsampling == Upsampling.TransposedConvolution;
        ups = nn.ModuleList(transposed
            ? [.. Enumerable.Range(0, o.Depth - 1).Select(j => nn.ConvTranspose2d(o.ChannelsAt(o.Depth - 1 - j), o.ChannelsAt(o.Depth - 2 - j), 2, stride: 2))]
            : Array.Empty<ConvTranspose2d>());
        resizeConvs = nn.ModuleList(transposed
            ? Array.Empty<Conv2d>()
            : [.. Enumerable.Range(0, o.Depth - 1).Select(j => nn.Conv2d(o.ChannelsAt(o.Depth - 1 - j), o.ChannelsAt(o.Depth - 2 - j), 1))]);
        decoders = nn.ModuleList([.. Enumerable.Range(0, o.Depth - 1).Select(j =>
            new ResidualStage(2L * o.ChannelsAt(o.Depth - 2 - j), o.ChannelsAt(o.Depth - 2 - j), o.BlocksPerLevel, o.Activation))]);
        head = nn.Conv2d(o.ChannelsAt(0), o.Classes, 1);
        // auxiliary heads for decoder levels 1 .. Depth-2 (coarse to fine order follows the decoders)
        aux = nn.ModuleList(o.DeepSupervision
            ? [.. Enumerable.Range(0, Math.Max(0, o.Depth - 2)).Select(j => nn.Conv2d(o.ChannelsAt(o.Depth - 2 - j), o.Classes, 1))]
            : Array.Empty<Conv2d>());
        pool = nn.MaxPool2d(2, 2);
        RegisterComponents();
    }

    public UNetOptions Options { get; }
    public int InputChannels => Options.InChannels;
    public int SizeMultiple => Options.SizeMultiple;
    public string Architecture => $"unet2d(depth={Options.Depth}, base={Options.BaseChannels}, blocks={Options.BlocksPerLevel}, {Options.Activation.ToString().ToLowerInvariant()}"
        + (Options.Upsampling == Upsampling.TransposedConvolution ? ")" : ", resize-up)");

    public override Tensor forward(Tensor x) => ForwardAll(x).Logits;

    /// <summary>Logits and, with deep supervision, auxiliary logits at 1/2^k resolution (coarsest first; empty otherwise).</summary>
    public (Tensor Logits, IReadOnlyList<Tensor> Auxiliary) ForwardAll(Tensor x)
    {
        Check(x);
        var skips = new List<Tensor>();
        x = encoders[0].forward(x);
        for (var l = 1; l < Options.Depth; l++) { skips.Add(x); x = encoders[l].forward(pool.forward(x)); }
        var auxOut = new List<Tensor>();
        for (var j = 0; j < Options.Depth - 1; j++)
        {
            var up = Options.Upsampling == Upsampling.TransposedConvolution
                ? ups[j].forward(x)
                : resizeConvs[j].forward(nn.functional.interpolate(x, scale_factor: [2.0, 2.0], mode: InterpolationMode.Nearest));
            x = decoders[j].forward(cat([up, skips[Options.Depth - 2 - j]], 1));
            if (j < aux.Count && training) auxOut.Add(aux[j].forward(x));
        }
        return (head.forward(x), auxOut);
    }

    private void Check(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InChannels)
            throw new ArgumentException($"U-Net input must be [N, {Options.InChannels}, H, W], got [{string.Join(", ", x.shape)}]");
        var m = Options.SizeMultiple;
        if (x.shape[2] % m != 0 || x.shape[3] % m != 0)
            throw new ArgumentException($"U-Net of depth {Options.Depth} needs H and W multiples of {m}, got {x.shape[2]} x {x.shape[3]}");
    }

    public void EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var logits = EmitLogits(g, input);
        g.Node("Identity", [logits], "logits");
        g.Node("Softmax", [logits], "probabilities", OnnxGraphBuilder.Int("axis", 1));
        g.Output("logits", [null, Options.Classes, null, null], "N", "H", "W");
        g.Output("probabilities", [null, Options.Classes, null, null], "N", "H", "W");
    }

    /// <summary>Emits the network up to the head and returns the logits' value name (for wrappers such as <see cref="HeatmapNet"/>).</summary>
    public string EmitLogits(OnnxGraphBuilder g, string input)
    {
        var skips = new List<string>();
        var x = encoders[0].EmitOnnx(g, input);
        for (var l = 1; l < Options.Depth; l++) { skips.Add(x); x = encoders[l].EmitOnnx(g, LayerEmitters.MaxPool(g, x, 2)); }
        for (var j = 0; j < Options.Depth - 1; j++)
        {
            var up = Options.Upsampling == Upsampling.TransposedConvolution
                ? LayerEmitters.ConvTranspose(g, ups[j], x, 2)
                : LayerEmitters.Conv(g, resizeConvs[j], LayerEmitters.ResizeNearest2x(g, x), 0);
            var c = g.Node("Concat", [up, skips[Options.Depth - 2 - j]], OnnxGraphBuilder.Int("axis", 1));
            x = decoders[j].EmitOnnx(g, c);
        }
        return LayerEmitters.Conv(g, head, x, 0);
    }
}
