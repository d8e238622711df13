using TorchSharp.Modules;
using static DiscScope.Training.Export.OnnxGraphBuilder;

namespace DiscScope.Training.Export;

/// <summary>ONNX nodes for plain TorchSharp layers (no BatchNorm to fold).</summary>
public static class LayerEmitters
{
    /// <summary>Conv with the layer's weights and bias (zero bias when it has none), square kernel, stride 1, symmetric padding.</summary>
    public static string Conv(OnnxGraphBuilder g, Conv2d conv, string input, long padding)
    {
        var shape = conv.weight!.shape;
        var w = g.Initializer("w", conv.weight);
        var b = conv.bias is null ? g.Initializer("b", new float[shape[0]], shape[0]) : g.Initializer("b", conv.bias);
        return g.Node("Conv", [input, w, b], Ints("kernel_shape", shape[2], shape[3]), Ints("pads", padding, padding, padding, padding), Ints("strides", 1, 1));
    }

    /// <summary>ConvTranspose with kernel = stride = <paramref name="factor"/> (exact 2x upsampling for factor 2).</summary>
    public static string ConvTranspose(OnnxGraphBuilder g, ConvTranspose2d up, string input, long factor)
    {
        var w = g.Initializer("w", up.weight!);
        var b = g.Initializer("b", up.bias!);
        return g.Node("ConvTranspose", [input, w, b], Ints("kernel_shape", factor, factor), Ints("strides", factor, factor));
    }

    /// <summary>Nearest-neighbour 2x upsampling of [N, C, H, W] (Resize, asymmetric coordinates, floor: output (y, x) = input (y/2, x/2),
    /// as libtorch's nearest interpolation).</summary>
    public static string ResizeNearest2x(OnnxGraphBuilder g, string input)
    {
        var scales = g.Initializer("scales", [1f, 1f, 2f, 2f], 4);
        return g.Node("Resize", [input, "", scales], OnnxGraphBuilder.Str("mode", "nearest"),
            OnnxGraphBuilder.Str("coordinate_transformation_mode", "asymmetric"), OnnxGraphBuilder.Str("nearest_mode", "floor"));
    }

    /// <summary>MaxPool with kernel = stride = <paramref name="size"/>, no padding.</summary>
    public static string MaxPool(OnnxGraphBuilder g, string input, long size) =>
        g.Node("MaxPool", [input], Ints("kernel_shape", size, size), Ints("strides", size, size));
}
