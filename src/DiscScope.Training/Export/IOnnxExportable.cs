namespace DiscScope.Training.Export;

/// <summary>A network that writes itself as an ONNX graph (inference form: BatchNorm folded into the preceding convolution).</summary>
public interface IOnnxExportable
{
    /// <summary>Channels of the input image.</summary>
    int InputChannels { get; }

    /// <summary>Spatial input sizes must be multiples of this.</summary>
    int SizeMultiple { get; }

    /// <summary>Short description, e.g. "unet2d(depth=4, base=16, blocks=1, relu)".</summary>
    string Architecture { get; }

    /// <summary>Emits the nodes from graph input <paramref name="input"/> [N, C, H, W] and declares the graph outputs.</summary>
    void EmitOnnx(OnnxGraphBuilder graph, string input);
}
