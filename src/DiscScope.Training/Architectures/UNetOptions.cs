using DiscScope.Training.Nn;

namespace DiscScope.Training.Architectures;

/// <summary>Shape of a <see cref="UNet2d"/>.</summary>
/// <param name="InChannels">Image channels (1 for a single MR sequence).</param>
/// <param name="Classes">Output channels: segmentation classes including background, or landmarks for a heatmap network.</param>
/// <param name="Depth">Resolution levels including the bottleneck; inputs must be multiples of 2^(Depth-1) pixels.</param>
/// <param name="BaseChannels">Channels at full resolution; doubled per level up to <see cref="MaxChannels"/>.</param>
/// <param name="MaxChannels">Cap on channels per level.</param>
/// <param name="BlocksPerLevel">Residual blocks per encoder and decoder level.</param>
/// <param name="DeepSupervision">Adds 1x1 heads on the coarser decoder levels for auxiliary losses (training only; not exported).</param>
/// <param name="Activation">ReLU or LeakyReLU(0.01).</param>
/// <param name="Upsampling">Decoder upsampling: 2x2 transposed convolution (ONNX ConvTranspose), or nearest-neighbour 2x resize followed by a
/// 1x1 convolution (ONNX Resize + Conv), which avoids checkerboard artefacts.</param>
public sealed record UNetOptions(
    int InChannels = 1,
    int Classes = 2,
    int Depth = 4,
    int BaseChannels = 16,
    int MaxChannels = 320,
    int BlocksPerLevel = 1,
    bool DeepSupervision = false,
    Activation Activation = Activation.Relu,
    Upsampling Upsampling = Upsampling.TransposedConvolution)
{
    /// <summary>Channels of level <paramref name="level"/> (0 = full resolution).</summary>
    public int ChannelsAt(int level) => Math.Min(MaxChannels, BaseChannels << level);

    /// <summary>Spatial sizes must be multiples of this.</summary>
    public int SizeMultiple => 1 << (Depth - 1);

    internal void Validate()
    {
        if (InChannels < 1 || Classes < 1 || Depth < 1 || BaseChannels < 1 || BlocksPerLevel < 1 || MaxChannels < BaseChannels)
            throw new ArgumentException($"invalid U-Net options {this}");
    }
}
