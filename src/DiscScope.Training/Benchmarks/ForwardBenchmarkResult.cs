namespace DiscScope.Training.Benchmarks;

/// <summary>Median forward times of one network at one input size.</summary>
/// <param name="Size">Input height = width in pixels.</param>
/// <param name="TorchSharpMs">Median TorchSharp (libtorch CPU, eval, no_grad) forward time in milliseconds.</param>
/// <param name="OnnxRuntimeMs">Median ONNX Runtime (CPU provider, exported model) forward time in milliseconds.</param>
/// <param name="Parameters">Trainable parameters of the network.</param>
/// <param name="MaxAbsDiff">Largest |TorchSharp - ONNX Runtime| over the logits, a sanity check of the export.</param>
public sealed record ForwardBenchmarkResult(int Size, double TorchSharpMs, double OnnxRuntimeMs, double MaxAbsDiff, long Parameters)
{
    /// <summary>TorchSharp time / ONNX Runtime time: above 1 means ONNX Runtime is faster.</summary>
    public double Ratio => TorchSharpMs / OnnxRuntimeMs;
}
