using DiscScope.Models.Onnx;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace DiscScope.Training.Export;

/// <summary>
/// Writes a DiscScope network as an ONNX model (IR 8, opset 17) for ONNX Runtime: inference form with BatchNorm folded, input
/// "image" [N, C, H, W] float32 with symbolic N, H, W, and the model's <see cref="ModelMetadata"/> in metadata_props.
/// </summary>
public static class OnnxExporter
{
    public const string InputName = "image";

    /// <summary>Exports <paramref name="network"/> (switched to eval mode; left in eval mode) to <paramref name="path"/>.</summary>
    public static void Export(IOnnxExportable network, string path, ModelMetadata metadata)
    {
        var bytes = ToBytes(network, metadata);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The serialized ONNX ModelProto.</summary>
    public static byte[] ToBytes(IOnnxExportable network, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(metadata);
        if (network is nn.Module m) m.eval();
        using var _ = no_grad();
        var g = new OnnxGraphBuilder();
        g.Input(InputName, [null, network.InputChannels, null, null], "N", "H", "W");
        network.EmitOnnx(g, InputName);
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "DiscScope",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0",
            ModelVersion = 1,
            DocString = string.IsNullOrEmpty(metadata.Description) ? network.Architecture : metadata.Description,
            Graph = g.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxGraphBuilder.Opset });
        var props = metadata with
        {
            Architecture = string.IsNullOrEmpty(metadata.Architecture) ? network.Architecture : metadata.Architecture,
            SizeMultiple = Math.Max(metadata.SizeMultiple, network.SizeMultiple),
        };
        foreach (var (k, v) in props.ToProperties().OrderBy(e => e.Key, StringComparer.Ordinal))
            model.MetadataProps.Add(new StringStringEntryProto { Key = k, Value = v });
        return model.ToByteArray();
    }
}
