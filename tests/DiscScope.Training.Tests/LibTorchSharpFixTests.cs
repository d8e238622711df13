using DiscScope.TestSupport;

namespace DiscScope.Training.Tests;

/// <summary>tools/native/fix-libtorchsharp.sh on a pristine copy of TorchSharp's native library (from the NuGet package folder).</summary>
public sealed class LibTorchSharpFixTests
{
    private static string Script => Path.Combine(SharedData.RepoRoot, "tools", "native", "fix-libtorchsharp.sh");

    private static string? Pristine()
    {
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var p = Path.Combine(home, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(p) ? p : null;
    }

    [Fact]
    public void NoOpWhereLibstdcxxIsNewEnoughElsePatchesOnceAndIdempotently()
    {
        var src = Pristine();
        Assert.True(src is not null, "TorchSharp 0.107.0 is not in the NuGet package folder (restore first)");
        using var dir = new TempDir();
        var lib = dir.File("libLibTorchSharp.so");
        File.Copy(src!, lib);
        var fake = dir.File("libstdc++-new");
        File.WriteAllText(fake, "GLIBCXX_3.4.32");

        var noop = PeerTool.Run("env", [$"DISCSCOPE_LIBSTDCXX={fake}", "bash", Script, dir.Path]);
        Assert.Equal(0, noop.ExitCode);
        Assert.Contains("left as shipped", noop.Stdout);
        Assert.Equal(File.ReadAllBytes(src!), File.ReadAllBytes(lib));

        var old = dir.File("libstdc++-old");
        File.WriteAllText(old, "GLIBCXX_3.4.30");
        var patch = PeerTool.Run("env", [$"DISCSCOPE_LIBSTDCXX={old}", "bash", Script, dir.Path]);
        Assert.True(patch.ExitCode == 0, patch.Stderr);
        Assert.Contains("patched", patch.Stdout);
        Assert.True(File.Exists(dir.File("libdiscscope_iosinit.so")));
        Assert.True(File.Exists(dir.File("libLibTorchSharp.so.patched.txt")));
        var versions = PeerTool.RunOk("readelf", "-V", lib);
        Assert.Matches(@"GLIBCXX_3\.4\.32\s+Flags: WEAK", versions);
        Assert.Contains("libdiscscope_iosinit.so", PeerTool.RunOk("readelf", "-d", lib));

        var again = PeerTool.Run("env", [$"DISCSCOPE_LIBSTDCXX={old}", "bash", Script, dir.Path]);
        Assert.Contains("already patched", again.Stdout);
    }
}
