using System.Text.Json;
using DiscScope.Analysis.DiscGrading;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.DiscGrading;

public class SpiderGradingsTests
{
    /// <summary>Peer: Python's csv module counts the rows with a level and the Pfirrmann / Modic / herniation distributions.</summary>
    [DataFact]
    public void ReadsTheSameRowsAsPythonCsv()
    {
        var path = SharedData.Path("spider", "gradings.csv");
        const string script = """
import csv, json, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline='')) if int(r['IVD label']) > 0]
out = {'n': len(rows), 'pf': {}, 'modic': {}, 'hern': sum(int(r['Disc herniation']) for r in rows), 'patients': len({r['Patient'] for r in rows})}
for r in rows:
    out['pf'][r['Pfirrman grade']] = out['pf'].get(r['Pfirrman grade'], 0) + 1
    out['modic'][r['Modic']] = out['modic'].get(r['Modic'], 0) + 1
print(json.dumps(out))
""";
        using var dir = new TempDir();
        File.WriteAllText(dir.File("peer.py"), script);
        using var peer = JsonDocument.Parse(PeerTool.RunOk(PeerTool.Python, dir.File("peer.py"), path));
        var g = SpiderGradings.Read(path);
        var p = peer.RootElement;
        Assert.Equal(p.GetProperty("n").GetInt32(), g.Count);
        Assert.Equal(p.GetProperty("patients").GetInt32(), g.Select(x => x.Patient).Distinct().Count());
        Assert.Equal(p.GetProperty("hern").GetInt32(), g.Count(x => x.Herniation));
        foreach (var kv in p.GetProperty("pf").EnumerateObject()) Assert.Equal(kv.Value.GetInt32(), g.Count(x => x.Pfirrmann == int.Parse(kv.Name)));
        foreach (var kv in p.GetProperty("modic").EnumerateObject()) Assert.Equal(kv.Value.GetInt32(), g.Count(x => x.Modic == int.Parse(kv.Name)));
    }

    [Fact]
    public void RejectsOutOfRangeGrades()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("g.csv"), "Patient,IVD label,Modic,UP endplate,LOW endplate,Spondylolisthesis,Disc herniation,Disc narrowing,Disc bulging,Pfirrman grade\n1,1,0,0,0,0,0,0,0,7\n");
        Assert.Throws<InvalidDataException>(() => SpiderGradings.Read(dir.File("g.csv")));
    }
}
