using System.Globalization;
using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Image-level gate before levels are reported: a small CNN (ONNX, output "sagittal_spine_mr_prob" [N, 2]) gives the probability that
/// a slice is a sagittal spine MR. The segmentation network alone finds disc-like columns on radiographs, CT and other images that carry
/// no header to refuse them by; the gate refuses those. Trained by <c>discscope train spine-gate</c> (models/spine-gate).
/// </summary>
public sealed class SpineImageGate : IDisposable
{
    /// <summary>The output holding [P(other), P(sagittal spine MR)].</summary>
    public const string Output = "sagittal_spine_mr_prob";

    /// <summary>Refusal below this probability.</summary>
    public const double DefaultThreshold = 0.5;

    private readonly OnnxModel _model;
    private readonly bool _owns;

    /// <param name="model">The gate network.</param>
    /// <param name="threshold">Refusal below this probability.</param>
    /// <param name="owns">Whether disposing the gate disposes the model.</param>
    /// <param name="hint">Appended to every refusal, e.g. how the caller's user overrides the gate for a real MR it refused.</param>
    public SpineImageGate(OnnxModel model, double threshold = DefaultThreshold, bool owns = true, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.OutputNames.Contains(Output)) throw new Models.ModelException(model.Source, $"spine image gate lacks a '{Output}' output");
        if (!(threshold > 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must lie in (0, 1)");
        _model = model; _owns = owns; Threshold = threshold; Hint = string.IsNullOrWhiteSpace(hint) ? null : hint;
        var spacing = model.Properties.ContainsKey(MetadataKeys.InputNormalization) ? model.Metadata.Normalization?.PixelSpacingMm : null;
        Canvas = spacing is > 0 ? SpineImageGateInput.Canvas with { SpacingMm = spacing.Value } : SpineImageGateInput.Canvas;
    }

    /// <summary>Loads the gate from an ONNX file.</summary>
    public static SpineImageGate Load(string path, int threads = 0, string? hint = null) =>
        new(OnnxModel.Load(path, new InferenceOptions(threads, PreferCuda: false)), hint: hint);

    public double Threshold { get; }

    /// <summary>Text appended to every refusal (null: none).</summary>
    public string? Hint { get; }
    public SliceCanvas Canvas { get; }

    /// <summary>P(sagittal spine MR) of one row-major slice.</summary>
    public double Probability(ReadOnlySpan<float> slice, int width, int height, double columnSpacing, double rowSpacing)
    {
        var x = SpineImageGateInput.Prepare(slice, width, height, columnSpacing, rowSpacing, Canvas);
        var p = _model.Run(x, 1, 1, Canvas.Height, Canvas.Width)[Output].Data;
        return p[1];
    }

    /// <summary>Null when the slice passes; otherwise the refusal, with the probability.</summary>
    public NoSagittalSpine? Check(ReadOnlySpan<float> slice, int width, int height, double columnSpacing, double rowSpacing)
    {
        var p = Probability(slice, width, height, columnSpacing, rowSpacing);
        return p >= Threshold ? null : new NoSagittalSpine(NoSpineReason.NotSpineImage, string.Create(CultureInfo.InvariantCulture,
            $"the image does not look like a sagittal spine MR (image gate: probability {p:0.000} < {Threshold:0.###}){(Hint is null ? "" : "; " + Hint)}"));
    }

    public void Dispose()
    {
        if (_owns) _model.Dispose();
    }
}
