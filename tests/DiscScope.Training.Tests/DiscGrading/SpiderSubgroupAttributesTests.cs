using DiscScope.Analysis.Mri.Data;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class SpiderSubgroupAttributesTests
{
    [Theory]
    [InlineData(1, "L5-S1")]
    [InlineData(5, "L1-L2")]
    [InlineData(6, "T12-L1")]
    [InlineData(7, "T11-T12 and above")]
    [InlineData(9, "T11-T12 and above")]
    public void LevelsFollowSpidersIvdLabels(int ivd, string level) => Assert.Equal(level, SpiderSubgroupAttributes.Level(ivd));

    [Fact]
    public void AttributesReadTheT2SeriesRowAndPoolRareScannerModels()
    {
        static SpiderData.Series Row(string name, string sex, string maker, string model, double field) =>
            new(name, name[..name.IndexOf('_')], name[(name.IndexOf('_') + 1)..], 7, 7, 0.6, 0.6) { Sex = sex, Manufacturer = maker, ScannerModel = model, FieldStrengthT = field };
        var overview = new Dictionary<string, SpiderData.Series>
        {
            // Patient 1: T1 from another scanner than its T2; the T2 row counts.
            ["1_t1"] = Row("1_t1", "F", "SIEMENS", "Aera", 1.5),
            ["1_t2"] = Row("1_t2", "F", "Philips Healthcare", "Ingenia", 3.0),
            // Patient 2: T2-SPACE only.
            ["2_t2_SPACE"] = Row("2_t2_SPACE", "m", "SIEMENS", "Skyra", 3.0),
        };
        for (var p = 3; p < 3 + SpiderSubgroupAttributes.MinPatientsPerScannerModel; p++) overview[$"{p}_t2"] = Row($"{p}_t2", "M", "SIEMENS", "Avanto", 1.5);
        double[][] probabilities = [];
        var discs = overview.Values.Where(s => s.Sequence != "t1").Select(s => new OutOfFoldPrediction(s.Patient, 1, 0, s.Patient == "1", [], probabilities))
            .Append(new OutOfFoldPrediction("99", 8, 0, false, [], probabilities)).ToList();
        var a = SpiderSubgroupAttributes.For(overview, discs).ToDictionary(x => x.Name);
        Assert.Equal(["vendor", "field_strength", "scanner_model", "sex", "t1", "level"], a.Keys);
        var one = discs.Single(d => d.Patient == "1"); var two = discs.Single(d => d.Patient == "2"); var three = discs.Single(d => d.Patient == "3");
        var unknown = discs.Single(d => d.Patient == "99");
        Assert.Equal(("Philips", "3 T", "other", "female", "T2 and T1"), (a["vendor"].GroupOf(one), a["field_strength"].GroupOf(one), a["scanner_model"].GroupOf(one), a["sex"].GroupOf(one), a["t1"].GroupOf(one)));
        Assert.Equal(("Siemens", "other", "male"), (a["vendor"].GroupOf(two), a["scanner_model"].GroupOf(two), a["sex"].GroupOf(two)));
        Assert.Equal(("Avanto", "1.5 T", "T2 only"), (a["scanner_model"].GroupOf(three), a["field_strength"].GroupOf(three), a["t1"].GroupOf(three)));
        Assert.Equal(["Avanto", "other"], a["scanner_model"].Order);
        Assert.Null(a["vendor"].GroupOf(unknown));
        Assert.Equal("T11-T12 and above", a["level"].GroupOf(unknown));
    }
}
