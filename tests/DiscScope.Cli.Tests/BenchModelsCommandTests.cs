using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests;

public sealed class BenchModelsCommandTests
{
    /// <summary>Runs the real CLI in a child process: TorchSharp's native library (patched at build time where libstdc++ is older than
    /// GCC 13) loads from the CLI's runtimes folder, and both runtimes produce the same output.</summary>
    [Fact]
    public void BenchModelsRunsBothRuntimes()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "discscope.dll");
        var (code, stdout, stderr) = PeerTool.Run("dotnet", [dll, "bench", "models", "--sizes", "32", "--repeats", "1", "--threads", "1", "--depth", "2", "--base", "4"]);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("1x1x32x32", stdout);
    }

    [Fact]
    public void BadSizeIsAnInputError()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "discscope.dll");
        var (code, _, stderr) = PeerTool.Run("dotnet", [dll, "bench", "models", "--sizes", "30", "--depth", "3"]);
        Assert.Equal(1, code);
        Assert.Contains("multiples of 4", stderr);
    }
}
