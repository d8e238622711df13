using DiscScope.Training.Export;
using static TorchSharp.torch;

namespace DiscScope.Training.Architectures;

/// <summary>
/// Landmark network: a <see cref="UNet2d"/> whose channels are per-landmark heatmap logits (Payer et al. 2019 style heatmap regression).
/// <c>forward</c> returns logits [N, Landmarks, H, W]; the landmark is the argmax of each channel.
/// ONNX export: outputs "heatmaps" (sigmoid of the logits) and "logits".
/// </summary>
public sealed class HeatmapNet : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly UNet2d unet;

    public HeatmapNet(HeatmapOptions options) : base(nameof(HeatmapNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        unet = new UNet2d(options.ToUNet());
        RegisterComponents();
    }

    public HeatmapOptions Options { get; }
    public int InputChannels => Options.InChannels;
    public int SizeMultiple => unet.SizeMultiple;
    public string Architecture => "heatmap-" + unet.Architecture;

    public override Tensor forward(Tensor x) => unet.forward(x);

    public void EmitOnnx(OnnxGraphBuilder g, string input)
    {
        var logits = unet.EmitLogits(g, input);
        g.Node("Identity", [logits], "logits");
        g.Node("Sigmoid", [logits], "heatmaps");
        g.Output("logits", [null, Options.Landmarks, null, null], "N", "H", "W");
        g.Output("heatmaps", [null, Options.Landmarks, null, null], "N", "H", "W");
    }
}
