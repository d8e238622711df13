using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Measurement fusion: per fused head, a <see cref="MultinomialLogistic"/> over <see cref="FusionFeatures"/> that replaces the network's
/// probabilities of that head. Written beside the grading model as &lt;model&gt;.fusion.json by `discscope train grading-fusion`; heads it
/// does not name keep the network's probabilities. When the fusion fuses Pfirrmann it may carry <see cref="PfirrmannCutoffs"/>, fitted on the
/// fused out-of-fold probabilities, which then decide the Pfirrmann grade instead of the median.
/// </summary>
public sealed record GradingFusion(IReadOnlyList<string> FeatureNames, IReadOnlyDictionary<string, MultinomialLogistic> Heads, PfirrmannCutoffs? PfirrmannCutoffs = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict };

    /// <summary>Fused probabilities of <paramref name="head"/>, or null when this fusion leaves the head alone.</summary>
    public double[]? Apply(string head, IReadOnlyList<double> features) => Heads.TryGetValue(head, out var m) ? m.Predict(features) : null;

    /// <summary>The class reported for <paramref name="task"/>'s probabilities: the fusion's Pfirrmann cutoffs where it has them, else
    /// <see cref="GradingTask.Decide"/>.</summary>
    public int Decide(GradingTask task, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Grading == Domain.Reports.Grading.Pfirrmann && PfirrmannCutoffs is { } cut ? cut.Decide(p) : task.Decide(p);
    }

    /// <summary>Path of the fusion file of a grading model.</summary>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".fusion.json");

    /// <summary>Loads &lt;model&gt;.fusion.json; null when absent. A file whose features differ from <see cref="FusionFeatures.Names"/> is refused.</summary>
    public static GradingFusion? ForModel(string modelPath)
    {
        var path = PathFor(modelPath);
        return File.Exists(path) ? Read(path) : null;
    }

    public static GradingFusion Read(string path)
    {
        var f = JsonSerializer.Deserialize<GradingFusion>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty fusion file");
        if (!f.FeatureNames.SequenceEqual(FusionFeatures.Names))
            throw new InvalidDataException($"{path}: fitted on features [{string.Join(", ", f.FeatureNames)}], this build computes [{string.Join(", ", FusionFeatures.Names)}]");
        foreach (var (head, m) in f.Heads)
        {
            var task = GradingTask.All.FirstOrDefault(t => t.HeadName == head) ?? throw new InvalidDataException($"{path}: unknown head {head}");
            if (m.Classes != task.Classes || m.Features != f.FeatureNames.Count || m.Weights.Length != m.Classes || m.Scales.Length != m.Features
                || m.Weights.Any(w => w.Length != m.Features) || m.Scales.Any(s => !(s > 0))
                || m.Minima.Length != m.Features || m.Maxima.Length != m.Features || m.Minima.Zip(m.Maxima).Any(r => !(r.First <= r.Second)))
                throw new InvalidDataException($"{path}: head {head} has inconsistent sizes");
        }
        if (f.PfirrmannCutoffs is { } cut)
        {
            if (cut.Problem() is { } problem) throw new InvalidDataException($"{path}: Pfirrmann cutoffs: {problem}");
            if (!f.Heads.ContainsKey("pfirrmann")) throw new InvalidDataException($"{path}: Pfirrmann cutoffs without a fused Pfirrmann head");
        }
        return f;
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
