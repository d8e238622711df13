using DiscScope.Training.Export;
using static TorchSharp.torch;

namespace DiscScope.Training.Nn;

/// <summary>
/// Basic residual block (He et al. 2016): act(BN(conv3x3(act(BN(conv3x3(x))))) + shortcut(x)); the shortcut is a 1x1 conv + BN when the
/// channel count changes, else the identity.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct conv1, conv2;
    private readonly ConvBnAct? shortcut;
    private readonly Activation _act;

    public ResidualBlock(long inChannels, long outChannels, Activation act) : base(nameof(ResidualBlock))
    {
        _act = act;
        conv1 = new ConvBnAct(inChannels, outChannels, 3, act);
        conv2 = new ConvBnAct(outChannels, outChannels, 3, null);
        shortcut = inChannels == outChannels ? null : new ConvBnAct(inChannels, outChannels, 1, null);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = conv2.forward(conv1.forward(x));
        var s = shortcut is null ? x : shortcut.forward(x);
        return _act.Apply(y + s);
    }

    public string EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var y = conv2.EmitOnnx(g, conv1.EmitOnnx(g, input));
        var s = shortcut is null ? input : shortcut.EmitOnnx(g, input);
        return _act.Emit(g, g.Node("Add", [y, s]));
    }
}
