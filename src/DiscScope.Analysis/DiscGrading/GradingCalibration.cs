using System.Globalization;
using System.Text.Json;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Per-head temperatures (Guo et al. 2017): a member's, written beside a grading model as &lt;model&gt;.calibration.json by
/// `discscope train grading`, or the ensemble's, applied to the mean of the members' calibrated probabilities and written as
/// &lt;model&gt;.ensemble-calibration.json by `discscope train grading-calibration`.
/// </summary>
public sealed record GradingCalibration(IReadOnlyDictionary<string, double> Temperatures)
{
    public static GradingCalibration None { get; } = new(new Dictionary<string, double>());

    public double TemperatureOf(string head) => Temperatures.TryGetValue(head, out var t) && t > 0 ? t : 1.0;

    /// <summary>Where a member's own temperatures live: &lt;model&gt;.calibration.json.</summary>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".calibration.json");

    /// <summary>Loads &lt;model&gt;.calibration.json; <see cref="None"/> (T = 1) when the file is absent.</summary>
    public static GradingCalibration ForModel(string modelPath) => ReadOrNone(PathFor(modelPath));

    /// <summary>Where the ensemble temperatures of the grading model <paramref name="modelPath"/> live: &lt;model&gt;.ensemble-calibration.json.</summary>
    public static string EnsemblePathFor(string modelPath) => Path.ChangeExtension(modelPath, ".ensemble-calibration.json");

    /// <summary>Loads the ensemble temperatures beside <paramref name="modelPath"/>; <see cref="None"/> (T = 1) when the file is absent.</summary>
    public static GradingCalibration ForEnsemble(string modelPath) => ReadOrNone(EnsemblePathFor(modelPath));

    /// <summary>Writes the temperatures as {"method", "heads": [{"head", "temperature"}], "created_utc"} (the format both loaders read).</summary>
    public void Write(string path, string method)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            method,
            heads = Temperatures.Select(e => new { head = e.Key, temperature = e.Value }),
            created_utc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        }, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static GradingCalibration ReadOrNone(string path)
    {
        if (!File.Exists(path)) return None;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var d = new Dictionary<string, double>();
            foreach (var h in doc.RootElement.GetProperty("heads").EnumerateArray())
            {
                var t = h.GetProperty("temperature").GetDouble();
                if (!(t > 0) || !double.IsFinite(t)) throw new InvalidDataException($"temperature {t} of head {h.GetProperty("head").GetString()} is not a positive number");
                d[h.GetProperty("head").GetString() ?? ""] = t;
            }
            return new GradingCalibration(d);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a grading calibration file ({e.Message})", e);
        }
    }
}
