using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;
using DiscScope.Evaluation;
using DiscScope.Models;
using DiscScope.Models.Explain;
using DiscScope.Models.Onnx;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Runs the exported grading network(s) (ONNX Runtime only) on disc crops: calibrated class probabilities per grading, "review" flags and
/// class activation maps. With several ensemble members, each member's temperature-scaled probabilities and activation maps are averaged
/// before the decision, and the mean is temperature-scaled again by the ensemble's own temperatures when it has them. With a <see cref="GradingFusion"/>, the heads it fuses take its probabilities instead (network probabilities plus
/// the disc's measurements) and its Pfirrmann cutoffs, if any, decide the Pfirrmann grade; activation maps stay the network's. Pure apart from the model calls.
/// </summary>
public sealed class DiscGrader
{
    private readonly IReadOnlyList<GradingMember> _members;
    private readonly DiscCropOptions _crop;
    private readonly UncertaintyOptions _u;
    private readonly GradingFusion? _fusion;
    private readonly GradingCalibration _ensemble;

    public DiscGrader(OnnxModel model, GradingCalibration calibration, DiscCropOptions? crop = null, UncertaintyOptions? uncertainty = null)
        : this([new GradingMember(model, calibration)], crop, uncertainty) { }

    /// <param name="members">The networks, each with its own temperatures.</param>
    /// <param name="crop">Crop geometry the networks were trained on.</param>
    /// <param name="uncertainty">When a grade is flagged for review.</param>
    /// <param name="fusion">Measurement fusion of some heads, applied to the (ensemble-calibrated) mean.</param>
    /// <param name="ensemble">Temperatures applied to the mean of the members' calibrated probabilities, before any fusion (default none).</param>
    public DiscGrader(IReadOnlyList<GradingMember> members, DiscCropOptions? crop = null, UncertaintyOptions? uncertainty = null, GradingFusion? fusion = null,
        GradingCalibration? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("a grader needs at least one model", nameof(members));
        _members = members;
        _crop = crop ?? DiscCropOptions.Default;
        _u = uncertainty ?? UncertaintyOptions.Default;
        _fusion = fusion;
        _ensemble = ensemble ?? GradingCalibration.None;
    }


    /// <summary>The ensemble of <paramref name="path"/> with its members' calibrations, its own (&lt;model&gt;.ensemble-calibration.json) and,
    /// when &lt;model&gt;.fusion.json is beside it, its measurement fusion.</summary>
    public static DiscGrader Load(string path, OnnxModelCache cache) =>
        new([.. Models.EnsembleMembers.Of(path).Select(p => new GradingMember(cache.Get(p), GradingCalibration.ForModel(p)))], fusion: GradingFusion.ForModel(path),
            ensemble: GradingCalibration.ForEnsemble(path));

    /// <summary>The temperatures applied to the members' mean (<see cref="GradingCalibration.None"/> when there are none).</summary>
    public GradingCalibration EnsembleCalibration => _ensemble;

    /// <summary>The measurement fusion applied to the heads it names, or null when the grader reports the network's probabilities only.</summary>
    public GradingFusion? Fusion => _fusion;

    /// <summary>Number of ensemble members.</summary>
    public int Members => _members.Count;

    /// <summary>Grades every disc that has a T2 crop (keyed by IVD label); T1 crops are used where present. The fusion, if any, uses
    /// <paramref name="measurements"/> (keyed by IVD label; a disc without one gets its measurements' missing flags). Every grade is flagged
    /// "uncertain — review" when <paramref name="levelConfidence"/> is below the threshold, and a disc's grades when
    /// <paramref name="measurements"/> is given and the disc's own are incomplete (<see cref="DiscSegmentationQuality"/>).</summary>
    public IReadOnlyList<DiscGradingResult> Grade(IReadOnlyDictionary<int, float[]> t2, IReadOnlyDictionary<int, float[]>? t1, double levelConfidence,
        IReadOnlyDictionary<int, DiscMeasurement>? measurements = null)
    {
        var keys = t2.Keys.OrderBy(k => k).ToList();
        if (keys.Count == 0) return [];
        int w = _crop.Width, h = _crop.Height, plane = GradingInput.Channels * w * h;
        var input = new float[keys.Count * plane];
        for (var n = 0; n < keys.Count; n++)
            GradingInput.Stack(t2[keys[n]], t1 is not null && t1.TryGetValue(keys[n], out var c1) ? c1 : null).CopyTo(input, n * plane);
        var outputs = _members.Select(m => Run(m.Model, input, keys, h, w)).ToList();
        var lowLevelConfidence = levelConfidence < _u.MinSegmentationConfidence;
        var results = new List<DiscGradingResult>();
        for (var n = 0; n < keys.Count; n++)
        {
            // Segmentation quality: the series' level confidence, and (when measurements are given) whether the disc's own could be made.
            var lowConfidence = lowLevelConfidence || (measurements is not null && DiscSegmentationQuality.Incomplete(measurements.GetValueOrDefault(keys[n])));
            var grades = new DiscGrades();
            var maps = new Dictionary<Grading, float[]>();
            var hasT1 = t1 is not null && t1.ContainsKey(keys[n]);
            var probabilities = GradingTask.All.Select(task =>
            {
                var p = new double[task.Classes];
                for (var m = 0; m < _members.Count; m++)
                {
                    var raw = outputs[m][task.HeadName + "_prob"].Data.AsSpan(n * task.Classes, task.Classes).ToArray().Select(x => (double)x).ToArray();
                    var pm = new TemperatureScaler(_members[m].Calibration.TemperatureOf(task.HeadName), 0, 0).ApplyToProbabilities(raw);
                    for (var c = 0; c < p.Length; c++) p[c] += pm[c] / _members.Count;
                }
                var t = _ensemble.TemperatureOf(task.HeadName);
                return t == 1.0 ? p : new TemperatureScaler(t, 0, 0).ApplyToProbabilities(p);
            }).ToArray();
            if (_fusion is not null)
            {
                var features = FusionFeatures.Of(probabilities, hasT1, keys[n], measurements?.GetValueOrDefault(keys[n]));
                for (var head = 0; head < probabilities.Length; head++) probabilities[head] = _fusion.Apply(GradingTask.All[head].HeadName, features) ?? probabilities[head];
            }
            for (var head = 0; head < GradingTask.All.Count; head++)
            {
                var task = GradingTask.All[head];
                var p = probabilities[head];
                var top = _fusion?.Decide(task, p) ?? task.Decide(p);
                var map = new float[w * h];
                foreach (var o in outputs)
                {
                    var cam = ClassActivationMap.Compute(o[task.HeadName + "_cam"], task.IsBinary ? 1 : top, h, w, n);
                    for (var i = 0; i < map.Length; i++) map[i] += cam[i] / outputs.Count;
                }
                maps[task.Grading] = map;
                grades = task.IsBinary ? With(grades, task.Grading, Binary(p[1], lowConfidence)) : With(grades, task.Grading, Ordinal(task, p, top, lowConfidence));
            }
            results.Add(new DiscGradingResult(keys[n], grades, t2[keys[n]], w, h, maps));
        }
        return results;
    }

    /// <summary>One member on the stacked crops. A context network (with a "level" input) also gets each disc's level one-hot; it pools
    /// over its whole batch, which here is always one series, i.e. one patient's discs.</summary>
    private static IReadOnlyDictionary<string, TensorData> Run(OnnxModel model, float[] input, IReadOnlyList<int> ivdLabels, int h, int w)
    {
        var image = new TensorData(input, ivdLabels.Count, GradingInput.Channels, h, w);
        if (!model.InputNames.Contains(GradingLevelInput.InputName)) return model.Run(image);
        var others = model.InputNames.Where(n => n != GradingLevelInput.InputName).ToList();
        if (others.Count != 1) throw new ModelException(model.Source, $"a grading network takes an image and \"{GradingLevelInput.InputName}\"; it has inputs {string.Join(", ", model.InputNames)}");
        return model.Run(new Dictionary<string, TensorData>
        {
            [others[0]] = image,
            [GradingLevelInput.InputName] = new TensorData(GradingLevelInput.Stack(ivdLabels), ivdLabels.Count, GradingLevelInput.Width),
        });
    }

    private BinaryFinding Binary(double p, bool lowConfidence) => new(p >= 0.5, p, lowConfidence || _u.Uncertain([1 - p, p], p >= 0.5 ? 1 : 0));

    private OrdinalGrade Ordinal(GradingTask task, double[] p, int top, bool lowConfidence) =>
        new(task.Grading == Grading.Pfirrmann ? top + 1 : top, p, lowConfidence || _u.Uncertain(p, top));

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
