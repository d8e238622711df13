using DiscScope.Reporting.Csv;
using DiscScope.Reporting.Json;
using DiscScope.Reporting.Tests.Fixtures;
using DiscScope.TestSupport;

namespace DiscScope.Reporting.Tests.Csv;

public class CsvReportRendererTests
{
    /// <summary>Peer: Python's csv and json modules read findings.csv and report.json and compare every level's values.</summary>
    [Fact]
    public void PythonCsvReaderAgreesWithReportJson()
    {
        using var t = new TempDir();
        var ctx = PhantomReport.Create(t.Path);
        var registry = ReportRendererRegistry.CreateDefault();
        using (var fs = File.Create(t.File("findings.csv"))) registry.Get("csv").Render(ctx, fs);
        using (var fs = File.Create(t.File("report.json"))) registry.Get("json").Render(ctx, fs);
        const string script = """
import csv, json, sys, math
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
rep = json.load(open(sys.argv[2], encoding='utf-8'))
assert len(rows) == len(rep['levels']), (len(rows), len(rep['levels']))
def close(a, b):
    # Both sides print shortest round-trip doubles; equal within 1e-12 relative covers any last-digit formatting difference.
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
for row, lv in zip(rows, rep['levels']):
    assert row['level'] == lv['level']
    assert int(row['pfirrmann_grade']) == lv['pfirrmann']['grade']
    for i, p in enumerate(lv['pfirrmann']['probabilities']): assert close(row[f'pfirrmann_p{i+1}'], p)
    assert int(row['modic_type']) == lv['modic']['type']
    for k in ['herniation','bulging','narrowing','spondylolisthesis','endplate_upper','endplate_lower']:
        if lv[k] is None:
            assert row[k + '_present'] == '' and row[k + '_probability'] == ''
        else:
            assert row[k + '_present'] == ('true' if lv[k]['present'] else 'false')
            assert close(row[k + '_probability'], lv[k]['probability'])
    m = lv['measurements']
    assert close(row['disc_height_middle_mm'], m['heights_mm']['middle'])
    assert close(row['wedge_angle_deg'], m['wedge_angle_deg'])
    assert row['review'] == ('true' if lv['review'] else 'false')
print('ok', len(rows))
""";
        File.WriteAllText(t.File("check.py"), script);
        var o = PeerTool.RunOk(PeerTool.Python, t.File("check.py"), t.File("findings.csv"), t.File("report.json"));
        Assert.StartsWith("ok 6", o);
    }

    [Fact]
    public void QuotesFieldsPerRfc4180()
    {
        Assert.Equal("\"a,b\"", CsvReportRenderer.Quote("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvReportRenderer.Quote("say \"hi\""));
        Assert.Equal("", CsvReportRenderer.Quote(null));
    }
}
