namespace DiscScope.Evaluation;

/// <summary>Search range and tolerance of the temperature fit.</summary>
/// <param name="MinTemperature">Lower end of the search range for T (dimensionless, &gt; 0). Default 0.05.</param>
/// <param name="MaxTemperature">Upper end of the search range for T. Default 20.</param>
/// <param name="LogTolerance">Width of the final bracket on ln T. Default 1e-10 (below what double-precision NLL can resolve).</param>
public sealed record TemperatureScalingOptions(double MinTemperature = 0.05, double MaxTemperature = 20, double LogTolerance = 1e-10)
{
    /// <summary>T in [0.05, 20], bracket 1e-10 on ln T.</summary>
    public static TemperatureScalingOptions Default { get; } = new();
}
