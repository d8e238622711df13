using System.Globalization;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public class FusionFeatureTableTests
{
    private static FusionRow Row(string patient, int ivd, int fold) => new(patient, ivd, fold, HasT1: ivd % 2 == 0,
        [.. GradingTask.All.Select((t, h) => h % t.Classes)],
        [.. GradingTask.All.Select(t => Enumerable.Repeat(1.0 / t.Classes, t.Classes).ToArray())], Measurement: null);

    /// <summary>Each row has as many cells as the header; ids, folds, reference classes and every feature read back exactly.</summary>
    [Fact]
    public void RowsReadBackAsWritten()
    {
        var rows = new[] { Row("12", 1, 0), Row("207", 5, 3) };
        var lines = FusionFeatureTable.Format(rows).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToArray();
        Assert.Equal(3, lines.Length);
        var header = lines[0];
        Assert.Equal(3 + GradingTask.All.Count + FusionFeatures.Names.Count, header.Length);
        Assert.Equal("truth_" + GradingTask.All[0].HeadName, header[3]);
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = lines[r + 1];
            Assert.Equal(header.Length, cells.Length);
            Assert.Equal(rows[r].Patient, cells[0]);
            Assert.Equal(rows[r].IvdLabel, int.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(rows[r].Fold, int.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(rows[r].Truth, cells.Skip(3).Take(GradingTask.All.Count).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            Assert.Equal(rows[r].Features, cells.Skip(3 + GradingTask.All.Count).Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void AnIdThatWouldBreakTheCsvIsRefused() =>
        Assert.Throws<ArgumentException>(() => FusionFeatureTable.Format([Row("1,2", 1, 0)]));
}
