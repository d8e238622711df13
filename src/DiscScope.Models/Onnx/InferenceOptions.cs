namespace DiscScope.Models.Onnx;

/// <summary>Where and how ONNX Runtime runs a model.</summary>
/// <param name="Threads">Intra-op threads; 0 = ONNX Runtime's default (one per physical core).</param>
/// <param name="PreferCuda">Use the CUDA execution provider when the installed ONNX Runtime has it and a GPU is present; else the CPU.</param>
/// <param name="CudaDevice">CUDA device id when <see cref="PreferCuda"/> is set.</param>
/// <param name="AllowSpinning">Let ONNX Runtime's worker threads spin while waiting for work (its default). Off here: on a busy 2-core
/// machine spinning threads steal the cores the work needs.</param>
public sealed record InferenceOptions(int Threads = 0, bool PreferCuda = true, int CudaDevice = 0, bool AllowSpinning = false)
{
    public static InferenceOptions Default { get; } = new();
}
