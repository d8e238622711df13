namespace DiscScope.Training.Architectures;

/// <summary>How a <see cref="UNet2d"/> decoder doubles the resolution.</summary>
public enum Upsampling
{
    /// <summary>2x2 transposed convolution with stride 2 (ONNX ConvTranspose).</summary>
    TransposedConvolution,

    /// <summary>Nearest-neighbour 2x resize, then a 1x1 convolution to the level's channels (ONNX Resize + Conv).</summary>
    NearestResizeConvolution,
}
