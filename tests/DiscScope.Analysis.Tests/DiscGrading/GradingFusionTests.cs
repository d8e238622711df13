using DiscScope.Analysis.DiscGrading;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class GradingFusionTests
{
    private static GradingFusion Fusion(int classes, double[] bias)
    {
        var d = FusionFeatures.Names.Count;
        var m = new MultinomialLogistic(new double[d], Enumerable.Repeat(1.0, d).ToArray(), [.. Enumerable.Range(0, classes).Select(_ => new double[d])], bias, Enumerable.Repeat(-1e9, d).ToArray(), Enumerable.Repeat(1e9, d).ToArray());
        return new GradingFusion(FusionFeatures.Names, new Dictionary<string, MultinomialLogistic> { ["pfirrmann"] = m });
    }

    [Fact]
    public void Written_and_read_back_it_predicts_the_same()
    {
        using var tmp = new TempDir();
        var f = Fusion(5, [0, 0, 0, Math.Log(3), 0]);
        var path = tmp.File("m.fusion.json");
        f.Write(path);
        var g = GradingFusion.Read(path);
        var x = new double[FusionFeatures.Names.Count];
        Assert.Equal(f.Apply("pfirrmann", x), g.Apply("pfirrmann", x));
        Assert.Equal(3.0 / 7, g.Apply("pfirrmann", x)![3], 12); // softmax of (0, 0, 0, ln 3, 0)
        Assert.Null(g.Apply("herniation", x));
        Assert.Equal(path, GradingFusion.PathFor(tmp.File("m.onnx")));
    }

    [Fact]
    public void A_file_fitted_on_other_features_or_with_wrong_sizes_is_refused()
    {
        using var tmp = new TempDir();
        var path = tmp.File("m.fusion.json");
        (Fusion(5, new double[5]) with { FeatureNames = [.. FusionFeatures.Names.Take(3)] }).Write(path);
        Assert.Throws<InvalidDataException>(() => GradingFusion.Read(path));
        Fusion(3, new double[3]).Write(path); // Pfirrmann has five classes
        Assert.Throws<InvalidDataException>(() => GradingFusion.Read(path));
    }

    [Fact]
    public void Its_Pfirrmann_cutoffs_survive_a_round_trip_and_decide_the_grade()
    {
        using var tmp = new TempDir();
        var path = tmp.File("m.fusion.json");
        (Fusion(5, new double[5]) with { PfirrmannCutoffs = new PfirrmannCutoffs([0.76, 1.48, 2.22, 3.08]) }).Write(path);
        var g = GradingFusion.Read(path);
        Assert.Equal([0.76, 1.48, 2.22, 3.08], g.PfirrmannCutoffs!.Cutoffs);
        double[] p = [0, 0, 0.7, 0.3, 0]; // expected class 2.3: the median and rounding say class 2, the cutoffs class 3
        var pfirrmann = GradingTask.All.Single(t => t.HeadName == "pfirrmann");
        Assert.Equal(2, pfirrmann.Decide(p));
        Assert.Equal(3, g.Decide(pfirrmann, p));
        Assert.Equal(2, Fusion(5, new double[5]).Decide(pfirrmann, p)); // without cutoffs: the median
        var herniation = GradingTask.All.Single(t => t.HeadName == "herniation");
        Assert.Equal(1, g.Decide(herniation, [0.3, 0.7]));
    }

    [Fact]
    public void Invalid_cutoffs_or_cutoffs_without_a_fused_Pfirrmann_head_are_refused()
    {
        using var tmp = new TempDir();
        var path = tmp.File("m.fusion.json");
        (Fusion(5, new double[5]) with { PfirrmannCutoffs = new PfirrmannCutoffs([0.5, 2.5, 1.5, 3.5]) }).Write(path);
        Assert.Contains("ascend", Assert.Throws<InvalidDataException>(() => GradingFusion.Read(path)).Message);
        var herniationOnly = Fusion(5, new double[5]) with { Heads = new Dictionary<string, MultinomialLogistic>(), PfirrmannCutoffs = PfirrmannCutoffs.Rounding };
        herniationOnly.Write(path);
        Assert.Contains("without a fused Pfirrmann head", Assert.Throws<InvalidDataException>(() => GradingFusion.Read(path)).Message);
    }
}
