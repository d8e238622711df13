using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.Mri;

/// <summary>The spine segmentation network behind ONNX Runtime: input "image" (N, 1, H, W), output "probabilities" (N, 4, H, W).
/// The canvas spacing comes from the model's normalisation metadata when present.</summary>
public sealed class OnnxSliceNetwork : ISliceSegmentationNetwork, IDisposable
{
    private readonly OnnxModel _model;

    public OnnxSliceNetwork(OnnxModel model, SliceCanvas? canvas = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        var spacing = model.Properties.ContainsKey(MetadataKeys.InputNormalization) ? model.Metadata.Normalization?.PixelSpacingMm : null;
        Canvas = canvas ?? (spacing is > 0 ? SliceCanvas.Default with { SpacingMm = spacing.Value } : SliceCanvas.Default);
        if (!model.OutputNames.Contains("probabilities")) throw new Models.ModelException(model.Source, "segmentation model lacks a 'probabilities' output");
    }

    /// <summary>Loads a model file with <paramref name="threads"/> intra-op threads (0 = ONNX Runtime default).</summary>
    public static OnnxSliceNetwork Load(string path, int threads = 0) => new(OnnxModel.Load(path, new InferenceOptions(threads, PreferCuda: false)));

    public SliceCanvas Canvas { get; }

    public float[] Predict(float[] batch, int count, int height, int width)
    {
        var r = _model.Run(batch, count, 1, height, width);
        return r["probabilities"].Data;
    }

    public void Dispose() => _model.Dispose();
}
