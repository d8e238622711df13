using System.Text.Json;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Cli.Commands;

/// <summary>
/// Reads the out-of-fold predictions of an evaluation JSON: `predictions` (`evaluate grading`, `train grading-calibration`) or, where
/// asked and present, `predictions_fused` (`train grading-fusion`, with the fused Pfirrmann class its cutoffs decided). A file without
/// them, or a prediction missing a field, is an <see cref="InputException"/> naming the file.
/// </summary>
public static class OutOfFoldPredictionsJson
{
    /// <returns>The predictions and the array they were read from ("predictions" or "predictions_fused").</returns>
    public static (IReadOnlyList<OutOfFoldPrediction> Predictions, string Source) Read(string path, bool preferFused)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such file (run `discscope evaluate grading` first)");
        using var doc = JsonInput.Document(path);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InputException($"{path}: not an evaluation JSON (the root is not an object)");
        var source = preferFused && root.TryGetProperty("predictions_fused", out _) ? "predictions_fused" : "predictions";
        if (!root.TryGetProperty(source, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InputException($"{path}: no out-of-fold predictions (an array \"predictions\")");
        var result = new List<OutOfFoldPrediction>();
        foreach (var r in array.EnumerateArray())
        {
            try { result.Add(One(r)); }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException($"{path}: {source}[{result.Count}] is not a prediction ({e.Message})");
            }
        }
        if (result.Count == 0) throw new InputException($"{path}: {source} is empty");
        return (result, source);
    }

    /// <summary>How far a stored distribution may sum from 1: the files round each probability to 4 decimals.</summary>
    public const double SumTolerance = 0.01;

    private static OutOfFoldPrediction One(JsonElement r)
    {
        if (r.ValueKind != JsonValueKind.Object) throw new FormatException($"a {r.ValueKind}, not an object");
        var truth = Field(r, "truth"); var probabilities = Field(r, "probabilities");
        int[] y = [.. GradingTask.All.Select(t => Field(truth, t.HeadName, "truth.").GetInt32())];
        double[][] p = [.. GradingTask.All.Select(t => Field(probabilities, t.HeadName, "probabilities.").EnumerateArray().Select(v => v.GetDouble()).ToArray())];
        for (var h = 0; h < GradingTask.All.Count; h++)
        {
            var task = GradingTask.All[h];
            if (p[h].Length != task.Classes) throw new FormatException($"{task.HeadName}: {p[h].Length} probabilities for {task.Classes} classes");
            if (p[h].Any(v => !(v is >= 0 and <= 1)) || Math.Abs(p[h].Sum() - 1) > SumTolerance)
                throw new FormatException($"{task.HeadName}: probabilities [{string.Join(", ", p[h].Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] are not a distribution (each in 0..1, summing to 1)");
            if (y[h] < 0 || y[h] >= task.Classes) throw new FormatException($"{task.HeadName}: reference class {y[h]} outside 0..{task.Classes - 1}");
        }
        int? decided = r.TryGetProperty("pfirrmann_decided", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : null;
        return new OutOfFoldPrediction(Field(r, "patient").GetString() ?? throw new FormatException("patient is null"), Field(r, "ivd").GetInt32(),
            Field(r, "fold").GetInt32(), Field(r, "hasT1").GetBoolean(), y, p, decided);
    }

    /// <summary>The member <paramref name="name"/> of an object; a missing one (or a non-object) is a FormatException naming it.</summary>
    private static JsonElement Field(JsonElement o, string name, string prefix = "") =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : throw new FormatException($"no \"{prefix}{name}\"");
}
