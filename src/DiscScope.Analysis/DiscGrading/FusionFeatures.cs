using DiscScope.Domain.Measurements;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// The features of the measurement fusion for one disc: the network's calibrated probabilities of every head (in <see cref="GradingTask.All"/>
/// order), whether a T1 crop was used, the SPIDER IVD label (1 = L5-S1), and the disc's mid-sagittal measurements with a missing flag each
/// (a missing measurement is written as 0 with its flag 1, so the fitted model never sees NaN).
/// </summary>
public static class FusionFeatures
{
    private static readonly string[] MeasurementNames =
        ["height_anterior_mm", "height_middle_mm", "height_posterior_mm", "height_index", "wedge_deg", "posterior_displacement_mm",
         "signal_intensity_ratio", "canal_ap_mm", "slip_mm", "slip_percent"];

    /// <summary>Feature names in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. GradingTask.All.SelectMany(t => Enumerable.Range(0, t.Classes).Select(c => $"p_{t.HeadName}_{c}")),
        "has_t1", "ivd_label",
        .. MeasurementNames, .. MeasurementNames.Select(n => n + "_missing"),
    ];

    /// <summary>The feature vector. <paramref name="probabilities"/> holds one array per head of <see cref="GradingTask.All"/>, in order.</summary>
    public static double[] Of(IReadOnlyList<IReadOnlyList<double>> probabilities, bool hasT1, int ivdLabel, DiscMeasurement? m)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != GradingTask.All.Count) throw new ArgumentException($"{probabilities.Count} heads, expected {GradingTask.All.Count}");
        var x = new List<double>(Names.Count);
        for (var h = 0; h < GradingTask.All.Count; h++)
        {
            if (probabilities[h].Count != GradingTask.All[h].Classes) throw new ArgumentException($"head {GradingTask.All[h].HeadName}: {probabilities[h].Count} probabilities");
            x.AddRange(probabilities[h]);
        }
        x.Add(hasT1 ? 1 : 0);
        x.Add(ivdLabel);
        double?[] values =
        [
            m?.Heights.Anterior.Value, m?.Heights.Middle.Value, m?.Heights.Posterior.Value, m?.HeightIndex, m?.WedgeAngle.Value,
            m?.PosteriorDisplacement?.Value, m?.SignalIntensityRatio, m?.CanalApDiameter?.Value, m?.Listhesis?.Slip.Value, m?.Listhesis?.Percent,
        ];
        var present = values.Select(v => v is { } d && double.IsFinite(d)).ToArray();
        x.AddRange(values.Select((v, i) => present[i] ? v!.Value : 0));
        x.AddRange(present.Select(p => p ? 0.0 : 1.0));
        return [.. x];
    }
}
