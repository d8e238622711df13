using DiscScope.Analysis.Mri.Data;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.Mri.Data;

public class SpiderDataTests
{
    [DataFact]
    public void OverviewRowsCarrySexScannerAndFieldStrength()
    {
        // Values as Python's csv module reads spider/overview.csv (sex "F " padded with a space in the file).
        var o = SpiderData.Overview(SharedData.Folder!);
        Assert.Equal(350, o.Count);
        var a = o["1_t1"];
        Assert.Equal(("1", "t1", "F", "Philips Healthcare", "Ingenia", (double?)3.0), (a.Patient, a.Sequence, a.Sex, a.Manufacturer, a.ScannerModel, a.FieldStrengthT));
        var b = o["101_t1"];
        Assert.Equal(("M", "SIEMENS", "Avanto_fit", (double?)1.5, 0.8125), (b.Sex, b.Manufacturer, b.ScannerModel, b.FieldStrengthT, b.RowSpacing));
        Assert.All(o.Values, s => Assert.Contains(s.Sex, new[] { "F", "M" }));
        Assert.All(o.Values, s => Assert.Contains(s.FieldStrengthT, new double?[] { 1.5, 3.0 }));
    }
}
