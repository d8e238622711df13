using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.Mri;

/// <summary>The spine segmentation network behind ONNX Runtime: input "image" (N, 1, H, W), output "probabilities" (N, 4, H, W).
/// The canvas spacing comes from the model's normalisation metadata when present. Several members (an ensemble) have their
/// probabilities averaged; they must share the canvas.</summary>
public sealed class OnnxSliceNetwork : ISliceSegmentationNetwork, IDisposable
{
    private readonly IReadOnlyList<OnnxModel> _members;
    private readonly bool _owns;

    public OnnxSliceNetwork(OnnxModel model, SliceCanvas? canvas = null) : this([model ?? throw new ArgumentNullException(nameof(model))], canvas, owns: true) { }

    /// <summary>An ensemble of <paramref name="members"/> (at least one), all on the same canvas.</summary>
    public OnnxSliceNetwork(IReadOnlyList<OnnxModel> members, SliceCanvas? canvas = null, bool owns = true)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("no segmentation model", nameof(members));
        _members = members;
        _owns = owns;
        var first = CanvasOf(members[0]);
        if (canvas is null && members.FirstOrDefault(m => CanvasOf(m) != first) is { } odd)
            throw new Models.ModelException(odd.Source, $"ensemble member on canvas {CanvasOf(odd)}, but {members[0].Source} on {first}: members must share the canvas");
        Canvas = canvas ?? first;
        foreach (var m in members)
            if (!m.OutputNames.Contains("probabilities")) throw new Models.ModelException(m.Source, "segmentation model lacks a 'probabilities' output");
    }

    private static SliceCanvas CanvasOf(OnnxModel model)
    {
        var spacing = model.Properties.ContainsKey(MetadataKeys.InputNormalization) ? model.Metadata.Normalization?.PixelSpacingMm : null;
        return spacing is > 0 ? SliceCanvas.Default with { SpacingMm = spacing.Value } : SliceCanvas.Default;
    }


    /// <summary>Loads a model file and its members with <paramref name="threads"/> intra-op threads (0 = ONNX Runtime default).</summary>
    public static OnnxSliceNetwork Load(string path, int threads = 0)
    {
        var loaded = new List<OnnxModel>();
        try
        {
            foreach (var p in Models.EnsembleMembers.Of(path)) loaded.Add(OnnxModel.Load(p, new InferenceOptions(threads, PreferCuda: false)));
            return new OnnxSliceNetwork(loaded);
        }
        catch
        {
            foreach (var m in loaded) m.Dispose();
            throw;
        }
    }

    public SliceCanvas Canvas { get; }

    /// <summary>Number of networks averaged.</summary>
    public int MemberCount => _members.Count;

    public float[] Predict(float[] batch, int count, int height, int width)
    {
        var sum = _members[0].Run(batch, count, 1, height, width)["probabilities"].Data;
        if (_members.Count == 1) return sum;
        sum = (float[])sum.Clone();
        for (var m = 1; m < _members.Count; m++)
        {
            var p = _members[m].Run(batch, count, 1, height, width)["probabilities"].Data;
            for (var i = 0; i < sum.Length; i++) sum[i] += p[i];
        }
        var scale = 1f / _members.Count;
        for (var i = 0; i < sum.Length; i++) sum[i] *= scale;
        return sum;
    }

    public void Dispose()
    {
        if (!_owns) return;
        foreach (var m in _members) m.Dispose();
    }
}
