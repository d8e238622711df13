using System.Globalization;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>Reads SPIDER's gradings.csv (columns Patient, IVD label, Modic, UP endplate, LOW endplate, Spondylolisthesis, Disc herniation,
/// Disc narrowing, Disc bulging, Pfirrman grade). Rows with IVD label 0 are skipped (no level).</summary>
public static class SpiderGradings
{
    public static IReadOnlyList<GradingLabels> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InvalidDataException($"{path}: empty");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column '{name}'");
        int p = Col("Patient"), ivd = Col("IVD label"), modic = Col("Modic"), up = Col("UP endplate"), low = Col("LOW endplate"), sp = Col("Spondylolisthesis"),
            he = Col("Disc herniation"), na = Col("Disc narrowing"), bu = Col("Disc bulging"), pf = Col("Pfirrman grade");
        var result = new List<GradingLabels>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n])) continue;
            var f = lines[n].Split(',').Select(x => x.Trim()).ToArray();
            int I(int c) => int.TryParse(f[c], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"{path}:{n + 1}: '{f[c]}' in column '{header[c]}' is not an integer");
            var k = I(ivd);
            if (k <= 0) continue;
            var g = new GradingLabels(f[p], k, I(pf), I(modic), I(up) == 1, I(low) == 1, I(sp) == 1, I(he) == 1, I(na) == 1, I(bu) == 1);
            if (g.Pfirrmann is < 1 or > 5 || g.Modic is < 0 or > 3) throw new InvalidDataException($"{path}:{n + 1}: grade out of range");
            result.Add(g);
        }
        return result;
    }
}
