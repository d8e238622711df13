using System.Text.Json;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>Per-head temperatures (Guo et al. 2017) written beside a grading model as &lt;model&gt;.calibration.json by `discscope train grading`.</summary>
public sealed record GradingCalibration(IReadOnlyDictionary<string, double> Temperatures)
{
    public static GradingCalibration None { get; } = new(new Dictionary<string, double>());

    public double TemperatureOf(string head) => Temperatures.TryGetValue(head, out var t) && t > 0 ? t : 1.0;

    /// <summary>Loads &lt;model&gt;.calibration.json; <see cref="None"/> (T = 1) when the file is absent.</summary>
    public static GradingCalibration ForModel(string modelPath)
    {
        var path = Path.ChangeExtension(modelPath, ".calibration.json");
        if (!File.Exists(path)) return None;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var d = new Dictionary<string, double>();
        foreach (var h in doc.RootElement.GetProperty("heads").EnumerateArray())
            d[h.GetProperty("head").GetString() ?? ""] = h.GetProperty("temperature").GetDouble();
        return new GradingCalibration(d);
    }
}
