using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Runs when this assembly loads, before libtorch does: sets OMP_WAIT_POLICY=PASSIVE in the native environment unless the variable
    /// is already set. libtorch's OpenMP threads otherwise spin at every barrier, which on a busy 2-core machine (shared with builds and
    /// other runs) made a U-Net forward pass 9x slower (1149 ms vs 129 ms at 256^2, measured with `discscope bench models`). Has no effect
    /// when libtorch was loaded before this assembly.
    /// </summary>
#pragma warning disable CA2255 // deliberate: the variable must be in the environment before any caller can touch libtorch
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PreferPassiveOpenMpWait()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", 0);
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
