using DiscScope.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DiscScope.Training.Nn;

/// <summary><c>blocks</c> residual blocks in a row, the first changing the channel count.</summary>
public sealed class ResidualStage : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ResidualBlock> blocks;

    public ResidualStage(long inChannels, long outChannels, int blocks, Activation act) : base(nameof(ResidualStage))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        this.blocks = nn.ModuleList([.. Enumerable.Range(0, blocks).Select(i => new ResidualBlock(i == 0 ? inChannels : outChannels, outChannels, act))]);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        foreach (var b in blocks) x = b.forward(x);
        return x;
    }

    public string EmitOnnx(OnnxGraphBuilder g, string input)
    {
        foreach (var b in blocks) input = b.EmitOnnx(g, input);
        return input;
    }
}
