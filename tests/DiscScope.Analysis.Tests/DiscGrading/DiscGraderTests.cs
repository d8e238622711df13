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

    private static bool[] Flags(Domain.Reports.DiscGrades g) =>
        [g.Pfirrmann!.Uncertain, g.Modic!.Uncertain, g.Herniation!.Uncertain, g.Bulging!.Uncertain, g.Narrowing!.Uncertain, g.Spondylolisthesis!.Uncertain,
         g.EndplateUpper!.Uncertain, g.EndplateLower!.Uncertain];

    [Fact]
    public void A_disc_whose_segmentation_is_incomplete_has_every_grade_flagged_and_the_others_keep_theirs()
    {
        using var cache = new OnnxModelCache(new InferenceOptions(1, PreferCuda: false));
        var grader = new DiscGrader(cache.Get(ModelPath), GradingCalibration.ForModel(ModelPath));
        var crops = Crops(4);
        var plain = grader.Grade(crops, null, 1.0);
        // Disc 1 measured in full, disc 2 without its canal, disc 3 not measured at all.
        var measurements = new Dictionary<int, Domain.Measurements.DiscMeasurement>
        {
            [1] = DiscSegmentationQualityTests.Complete(1),
            [2] = DiscSegmentationQualityTests.Complete(2) with { CanalApDiameter = null },
        };
        var checkedGrades = grader.Grade(crops, null, 1.0, measurements);
        Assert.Equal(Flags(plain[0].Grades), Flags(checkedGrades[0].Grades));
        Assert.All(checkedGrades.Skip(1), r => Assert.All(Flags(r.Grades), Assert.True));
        Assert.Contains(plain.Skip(1), r => Flags(r.Grades).Contains(false)); // so the flags above were raised by the measurements
        for (var i = 0; i < plain.Count; i++) // no fusion here: the measurements change the flags, not the grades
            Assert.Equal(plain[i].Grades.Pfirrmann!.Probabilities, checkedGrades[i].Grades.Pfirrmann!.Probabilities);
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

    [Fact]
    public void Ensemble_temperatures_rescale_the_members_mean_and_keep_the_most_probable_class()
    {
        using var cache = new OnnxModelCache(new InferenceOptions(1, PreferCuda: false));
        var model = cache.Get(ModelPath);
        var calibration = GradingCalibration.ForModel(ModelPath);
        var members = new[] { new GradingMember(model, calibration) };
        var ensemble = new GradingCalibration(new Dictionary<string, double> { ["pfirrmann"] = 0.5, ["herniation"] = 2.0 });
        var plain = new DiscGrader(members).Grade(Crops(3), null, 1.0);
        var scaled = new DiscGrader(members, ensemble: ensemble).Grade(Crops(3), null, 1.0);
        for (var i = 0; i < plain.Count; i++)
        {
            // T = 0.5: p^2 renormalised; T = 2 on a binary head: sigmoid(logit(p) / 2) = sqrt(p) / (sqrt(p) + sqrt(1 - p)).
            var p = plain[i].Grades.Pfirrmann!.Probabilities;
            var sq = p.Select(v => v * v).ToArray();
            Assert.Equal(sq.Select(v => v / sq.Sum()), scaled[i].Grades.Pfirrmann!.Probabilities, (a, b) => Math.Abs(a - b) < 1e-9);
            var h = plain[i].Grades.Herniation!.Probability;
            Assert.Equal(Math.Sqrt(h) / (Math.Sqrt(h) + Math.Sqrt(1 - h)), scaled[i].Grades.Herniation!.Probability, 9);
            Assert.Equal(plain[i].Grades.Herniation!.Present, scaled[i].Grades.Herniation!.Present);
            // Heads without an ensemble temperature are untouched.
            Assert.Equal(plain[i].Grades.Modic!.Probabilities, scaled[i].Grades.Modic!.Probabilities);
        }
    }

    [Fact]
    public void Ensemble_temperatures_live_beside_the_model_and_are_read_back_as_written()
    {
        using var tmp = new TempDir();
        var model = tmp.File("disc-grading.onnx");
        Assert.Equal(tmp.File("disc-grading.ensemble-calibration.json"), GradingCalibration.EnsemblePathFor(model));
        Assert.Same(GradingCalibration.None, GradingCalibration.ForEnsemble(model));
        new GradingCalibration(new Dictionary<string, double> { ["pfirrmann"] = 0.82, ["modic"] = 0.865 }).Write(GradingCalibration.EnsemblePathFor(model), "test");
        var back = GradingCalibration.ForEnsemble(model);
        Assert.Equal(0.82, back.TemperatureOf("pfirrmann"));
        Assert.Equal(0.865, back.TemperatureOf("modic"));
        Assert.Equal(1.0, back.TemperatureOf("herniation"));
        // A member's own calibration file is another file.
        Assert.Same(GradingCalibration.None, GradingCalibration.ForModel(model));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"heads\": [{\"head\": \"pfirrmann\", \"temperature\": -1}]}")]
    [InlineData("{\"method\": \"no heads\"}")]
    public void A_damaged_ensemble_calibration_file_is_a_clear_error(string text)
    {
        using var tmp = new TempDir();
        var model = tmp.File("disc-grading.onnx");
        File.WriteAllText(GradingCalibration.EnsemblePathFor(model), text);
        var e = Assert.Throws<InvalidDataException>(() => GradingCalibration.ForEnsemble(model));
        Assert.Contains("disc-grading.ensemble-calibration.json", e.Message);
    }
}
