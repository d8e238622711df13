using DiscScope.Training.Nn;

namespace DiscScope.Training.Architectures;

/// <summary>Shape of a <see cref="HeatmapNet"/>: a U-Net with one output channel per landmark.</summary>
/// <param name="InChannels">Image channels.</param>
/// <param name="Depth">U-Net resolution levels.</param>
/// <param name="BaseChannels">U-Net channels at full resolution.</param>
/// <param name="BlocksPerLevel">Residual blocks per level.</param>
/// <param name="Activation">ReLU or LeakyReLU(0.01).</param>
/// <param name="Landmarks">Landmarks (e.g. disc centres T12-L1 .. L5-S1).</param>
/// <param name="Sigma">Standard deviation in pixels of the Gaussian target drawn at each landmark.</param>
public sealed record HeatmapOptions(int InChannels = 1, int Landmarks = 6, int Depth = 4, int BaseChannels = 16, int BlocksPerLevel = 1,
    double Sigma = 3.0, Activation Activation = Activation.Relu)
{
    internal UNetOptions ToUNet() => new(InChannels, Landmarks, Depth, BaseChannels, BlocksPerLevel: BlocksPerLevel, Activation: Activation);
}
