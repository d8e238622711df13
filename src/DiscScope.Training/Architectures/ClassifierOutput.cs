using static TorchSharp.torch;

namespace DiscScope.Training.Architectures;

/// <summary>What a <see cref="MultiTaskClassifier"/> computes: the last feature map [N, K, h, w] and one logits tensor [N, classes] per head.</summary>
public sealed record ClassifierOutput(Tensor Features, IReadOnlyList<Tensor> Logits);
