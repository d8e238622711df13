using System.Diagnostics;

namespace DiscScope.TestSupport;

/// <summary>Runs a peer program (python3 with pydicom/nibabel, dcmtk, dciodvfy) and returns its output; throws with stderr on failure.</summary>
public static class PeerTool
{
    /// <summary>Debian's python3 (where python3-numpy, -nibabel, -pydicom, -scipy, -sklearn are installed); a pyenv python3 earlier on PATH lacks them.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(System.IO.Path.Combine(d, program)));

    public static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, int timeoutMs = 300_000)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{program} did not finish in {timeoutMs} ms"); }
        return (p.ExitCode, so.Result, se.Result);
    }

    /// <summary>Runs and requires exit code 0.</summary>
    public static string RunOk(string program, params string[] args)
    {
        var (c, o, e) = Run(program, args);
        if (c != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {c}: {e}");
        return o;
    }
}
