namespace DiscScope.Training.Architectures;

/// <summary>One grading task of a <see cref="MultiTaskClassifier"/>, e.g. ("pfirrmann", ["I", "II", "III", "IV", "V"]).</summary>
/// <param name="Name">Output prefix in the ONNX model: "&lt;Name&gt;_prob" and "&lt;Name&gt;_cam"; letters, digits and '_' only.</param>
/// <param name="Labels">Class labels, index = class id.</param>
public sealed record ClassificationHead(string Name, IReadOnlyList<string> Labels)
{
    public int Classes => Labels.Count;
}
