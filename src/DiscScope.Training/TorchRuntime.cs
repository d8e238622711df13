using TorchSharp;

namespace DiscScope.Training;

/// <summary>Process-wide libtorch settings for reproducible CPU training.</summary>
public static class TorchRuntime
{
    /// <summary>Seeds libtorch's generator and sets the intra-op thread count (0 = leave libtorch's default). TorchSharp 0.107 does not
    /// implement use_deterministic_algorithms; on the CPU, with a fixed thread count, libtorch's kernels used here give repeatable results.</summary>
    public static void Configure(long seed, int threads = 0)
    {
        torch.manual_seed(seed);
        if (threads > 0) torch.set_num_threads(threads);
    }
}
