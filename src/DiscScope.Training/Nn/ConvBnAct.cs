using DiscScope.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Nn;

/// <summary>Convolution (stride 1, "same" zero padding, no bias) -> BatchNorm -> activation (none when <c>act</c> is null).</summary>
public sealed class ConvBnAct : nn.Module<Tensor, Tensor>
{
    internal const double BnEps = 1e-5;
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly Activation? _act;
    private readonly int _kernel;

    public ConvBnAct(long inChannels, long outChannels, int kernel, Activation? act) : base(nameof(ConvBnAct))
    {
        if (kernel % 2 == 0) throw new ArgumentException("kernel must be odd for same padding", nameof(kernel));
        _kernel = kernel; _act = act;
        conv = nn.Conv2d(inChannels, outChannels, kernel, padding: kernel / 2, bias: false);
        bn = nn.BatchNorm2d(outChannels, eps: BnEps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = bn.forward(conv.forward(x));
        return _act is { } a ? a.Apply(y) : y;
    }

    /// <summary>Emits Conv (BatchNorm folded) and the activation; returns the output name.</summary>
    public string EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var (w, b) = BatchNormFolding.Fold(conv, bn, BnEps);
        var shape = conv.weight!.shape;
        var wn = g.Initializer("w", w, shape);
        var bname = g.Initializer("b", b, shape[0]);
        long p = _kernel / 2;
        var y = g.Node("Conv", [input, wn, bname], OnnxGraphBuilder.Ints("kernel_shape", _kernel, _kernel), OnnxGraphBuilder.Ints("pads", p, p, p, p),
            OnnxGraphBuilder.Ints("strides", 1, 1));
        return _act is { } a ? a.Emit(g, y) : y;
    }
}
