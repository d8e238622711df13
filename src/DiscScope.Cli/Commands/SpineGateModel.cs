using DiscScope.Analysis.Mri;

namespace DiscScope.Cli.Commands;

/// <summary>Finds the spine image gate a command uses: <c>--gate FILE</c>, <c>--gate none</c> for none, else the shipped
/// models/spine-gate/spine-gate.onnx where it exists (a checkout without it parses without the gate, as before it existed).</summary>
internal static class SpineGateModel
{
    public const string Relative = "spine-gate/spine-gate.onnx";

    /// <summary>Added to every refusal: the gate refuses about 1 in 350 real SPIDER series in cross-validation.</summary>
    public const string Hint = "if it is a sagittal spine MR, rerun with --gate none";

    /// <summary>The gate's file, or null for none.</summary>
    public static string? Path(string? option) =>
        option is not null && option.Trim() is "none" or "-" ? null : ModelLocator.Find(Relative, option);

    /// <summary>The gate (owning its session), or null for none.</summary>
    public static SpineImageGate? Load(string? option, int threads = 2) => Path(option) is { } p ? SpineImageGate.Load(p, threads, Hint) : null;
}
