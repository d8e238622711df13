using DiscScope.Analysis.DiscGrading;
using DiscScope.Models.Onnx;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.DiscGrading;

public sealed class DiscGraderTests
{
    private static string ModelPath => Path.Combine(SharedData.RepoRoot, "models", "grading", "disc-grading.onnx");

    private static Dictionary<int, float[]> Crops(int seed)
    {
        var rng = new Random(seed);
        var c = DiscCropOptions.Default;
        return Enumerable.Range(1, 3).ToDictionary(k => k, _ => Enumerable.Range(0, c.Width * c.Height).Select(_ => (float)rng.NextDouble()).ToArray());
    }

    [Fact]
    public void An_ensemble_of_one_model_twice_grades_exactly_as_the_model_alone()
    {
        using var cache = new OnnxModelCache(new InferenceOptions(1, PreferCuda: false));
        var model = cache.Get(ModelPath);
        var calibration = GradingCalibration.ForModel(ModelPath);
        var single = new DiscGrader(model, calibration).Grade(Crops(1), null, 1.0);
        var doubled = new DiscGrader([new GradingMember(model, calibration), new GradingMember(model, calibration)]).Grade(Crops(1), null, 1.0);
        Assert.Equal(single.Count, doubled.Count);
        for (var i = 0; i < single.Count; i++)
        {
            Assert.Equal(single[i].Grades.Pfirrmann!.Value, doubled[i].Grades.Pfirrmann!.Value);
            Assert.Equal(single[i].Grades.Pfirrmann!.Probabilities, doubled[i].Grades.Pfirrmann!.Probabilities, (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(single[i].Grades.Herniation!.Probability, doubled[i].Grades.Herniation!.Probability, 9);
            foreach (var (g, map) in single[i].Heatmaps) Assert.Equal(map, doubled[i].Heatmaps[g], (a, b) => Math.Abs(a - b) < 1e-6f);
        }
    }

    [Fact]
    public void The_shipped_context_networks_take_each_discs_level_and_grade_it_beside_its_neighbours()
    {
        using var cache = new OnnxModelCache(new InferenceOptions(1, PreferCuda: false));
        var model = cache.Get(ModelPath);
        Assert.Contains(GradingLevelInput.InputName, model.InputNames);
        var grader = new DiscGrader(model, GradingCalibration.ForModel(ModelPath));
        var crops = Crops(2);
        var asGraded = grader.Grade(crops, null, 1.0);
        // The same three crops named two levels higher: only the level input differs, and the grades' probabilities move.
        var moved = grader.Grade(crops.ToDictionary(e => e.Key + 2, e => e.Value), null, 1.0);
        Assert.Equal([3, 4, 5], moved.Select(r => r.IvdLabel));
        Assert.NotEqual(asGraded[0].Grades.Pfirrmann!.Probabilities, moved[0].Grades.Pfirrmann!.Probabilities);
        // Disc 1 graded alone differs from disc 1 graded beside discs 2 and 3 (the context pools the series' discs).
        var alone = grader.Grade(new Dictionary<int, float[]> { [1] = crops[1] }, null, 1.0);
        Assert.NotEqual(asGraded[0].Grades.Pfirrmann!.Probabilities, alone[0].Grades.Pfirrmann!.Probabilities);
        Assert.All(asGraded.Concat(moved).Concat(alone), r => Assert.Equal(1.0, r.Grades.Pfirrmann!.Probabilities.Sum(), 6));
    }

    [Fact]
    public void Ensemble_members_are_the_model_and_its_member_files()
    {
        var dir = Directory.CreateTempSubdirectory("discscope-members-").FullName;
        try
        {
            foreach (var f in new[] { "disc-grading.onnx", "disc-grading.member-2.onnx", "disc-grading.member-3.onnx", "other.onnx", "disc-grading.member-2.calibration.json" })
                File.WriteAllText(Path.Combine(dir, f), "");
            var members = Models.EnsembleMembers.Of(Path.Combine(dir, "disc-grading.onnx")).Select(Path.GetFileName);
            Assert.Equal(["disc-grading.onnx", "disc-grading.member-2.onnx", "disc-grading.member-3.onnx"], members);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_fusion_replaces_the_probabilities_of_the_heads_it_fuses_and_no_other()
    {
        using var cache = new OnnxModelCache(new InferenceOptions(1, PreferCuda: false));
        var model = cache.Get(ModelPath);
        var calibration = GradingCalibration.ForModel(ModelPath);
        var d = FusionFeatures.Names.Count;
        // A fusion that ignores its features and always says Pfirrmann 4 (class 3) with probability 0.9.
        var bias = new[] { 0.025, 0.025, 0.025, 0.9, 0.025 }.Select(p => Math.Log(p)).ToArray();
        var pfirrmann = new MultinomialLogistic(new double[d], Enumerable.Repeat(1.0, d).ToArray(), [.. Enumerable.Range(0, 5).Select(_ => new double[d])], bias, Enumerable.Repeat(-1e9, d).ToArray(), Enumerable.Repeat(1e9, d).ToArray());
        var fusion = new GradingFusion(FusionFeatures.Names, new Dictionary<string, MultinomialLogistic> { ["pfirrmann"] = pfirrmann });
        var plain = new DiscGrader(model, calibration).Grade(Crops(2), null, 1.0);
        var fused = new DiscGrader([new GradingMember(model, calibration)], fusion: fusion).Grade(Crops(2), null, 1.0);
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(4, fused[i].Grades.Pfirrmann!.Value);
            Assert.Equal(0.9, fused[i].Grades.Pfirrmann!.Probabilities[3], 9);
            Assert.Equal(plain[i].Grades.Herniation!.Probability, fused[i].Grades.Herniation!.Probability, 12);
            Assert.Equal(plain[i].Grades.Modic!.Probabilities, fused[i].Grades.Modic!.Probabilities);
        }
    }
}
