using System.Globalization;
using System.Text;
using DiscScope.Analysis.DiscGrading;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// The fusion's inputs as a table: one row per disc with patient, IVD label, the fold whose network predicted it, the reference class per
/// head (<see cref="GradingTask.All"/> order, prefixed <c>truth_</c>) and the features in <see cref="FusionFeatures.Names"/> order.
/// </summary>
public static class FusionFeatureTable
{
    public static IReadOnlyList<string> Header =>
        ["patient", "ivd", "fold", .. GradingTask.All.Select(t => "truth_" + t.HeadName), .. FusionFeatures.Names];

    /// <summary>The CSV text (comma-separated, invariant culture, round-trip doubles; patient ids are SPIDER numbers, never quoted).</summary>
    public static string Format(IEnumerable<FusionRow> rows)
    {
        var b = new StringBuilder();
        b.AppendLine(string.Join(",", Header));
        foreach (var r in rows)
        {
            if (r.Patient.Contains(',') || r.Patient.Contains('"')) throw new ArgumentException($"patient id '{r.Patient}' cannot go into the CSV unquoted");
            var cells = new List<string> { r.Patient, r.IvdLabel.ToString(CultureInfo.InvariantCulture), r.Fold.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(r.Truth.Select(t => t.ToString(CultureInfo.InvariantCulture)));
            cells.AddRange(r.Features.Select(f => f.ToString("R", CultureInfo.InvariantCulture)));
            b.AppendLine(string.Join(",", cells));
        }
        return b.ToString();
    }

    public static void Write(string path, IEnumerable<FusionRow> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Format(rows));
    }
}
