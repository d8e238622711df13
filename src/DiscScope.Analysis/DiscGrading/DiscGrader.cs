using DiscScope.Domain.Reports;
using DiscScope.Evaluation;
using DiscScope.Models.Explain;
using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Runs the exported grading network (ONNX Runtime only) on disc crops: calibrated class probabilities per grading, "review" flags and
/// class activation maps. Pure apart from the model call.
/// </summary>
public sealed class DiscGrader(OnnxModel model, GradingCalibration calibration, DiscCropOptions? crop = null, UncertaintyOptions? uncertainty = null)
{
    private readonly DiscCropOptions _crop = crop ?? DiscCropOptions.Default;
    private readonly UncertaintyOptions _u = uncertainty ?? UncertaintyOptions.Default;

    public static DiscGrader Load(string path, OnnxModelCache cache) => new(cache.Get(path), GradingCalibration.ForModel(path));

    /// <summary>Grades every disc that has a T2 crop (keyed by IVD label); T1 crops are used where present.</summary>
    public IReadOnlyList<DiscGradingResult> Grade(IReadOnlyDictionary<int, float[]> t2, IReadOnlyDictionary<int, float[]>? t1, double levelConfidence)
    {
        var keys = t2.Keys.OrderBy(k => k).ToList();
        if (keys.Count == 0) return [];
        int w = _crop.Width, h = _crop.Height, plane = GradingInput.Channels * w * h;
        var input = new float[keys.Count * plane];
        for (var n = 0; n < keys.Count; n++)
            GradingInput.Stack(t2[keys[n]], t1 is not null && t1.TryGetValue(keys[n], out var c1) ? c1 : null).CopyTo(input, n * plane);
        var outputs = model.Run(input, keys.Count, GradingInput.Channels, h, w);
        var lowConfidence = levelConfidence < _u.MinSegmentationConfidence;
        var results = new List<DiscGradingResult>();
        for (var n = 0; n < keys.Count; n++)
        {
            var grades = new DiscGrades();
            var maps = new Dictionary<Grading, float[]>();
            foreach (var task in GradingTask.All)
            {
                var prob = outputs[task.HeadName + "_prob"];
                var raw = prob.Data.AsSpan(n * task.Classes, task.Classes).ToArray().Select(x => (double)x).ToArray();
                var p = new TemperatureScaler(calibration.TemperatureOf(task.HeadName), 0, 0).ApplyToProbabilities(raw);
                var top = task.Decide(p);
                maps[task.Grading] = ClassActivationMap.Compute(outputs[task.HeadName + "_cam"], task.IsBinary ? 1 : top, h, w, n);
                grades = task.IsBinary ? With(grades, task.Grading, Binary(p[1], lowConfidence)) : With(grades, task.Grading, Ordinal(task, p, top, lowConfidence));
            }
            results.Add(new DiscGradingResult(keys[n], grades, t2[keys[n]], w, h, maps));
        }
        return results;
    }

    private BinaryFinding Binary(double p, bool lowConfidence) => new(p >= 0.5, p, lowConfidence || Math.Abs(p - 0.5) < _u.BinaryBand);

    private OrdinalGrade Ordinal(GradingTask task, double[] p, int top, bool lowConfidence) =>
        new(task.Grading == Grading.Pfirrmann ? top + 1 : top, p, lowConfidence || p[top] < _u.MinTopProbability);

    private static DiscGrades With(DiscGrades g, Grading grading, object value) => grading switch
    {
        Grading.Pfirrmann => g with { Pfirrmann = (OrdinalGrade)value },
        Grading.Modic => g with { Modic = (OrdinalGrade)value },
        Grading.Herniation => g with { Herniation = (BinaryFinding)value },
        Grading.Bulging => g with { Bulging = (BinaryFinding)value },
        Grading.Narrowing => g with { Narrowing = (BinaryFinding)value },
        Grading.Spondylolisthesis => g with { Spondylolisthesis = (BinaryFinding)value },
        Grading.EndplateUpper => g with { EndplateUpper = (BinaryFinding)value },
        Grading.EndplateLower => g with { EndplateLower = (BinaryFinding)value },
        _ => throw new ArgumentOutOfRangeException(nameof(grading)),
    };
}
