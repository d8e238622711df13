using System.Globalization;
using System.Text;
using DiscScope.Domain.Reports;

namespace DiscScope.Reporting.Csv;

/// <summary>
/// findings.csv: one row per disc level for research batches (RFC 4180, UTF-8 without BOM, invariant numbers, empty cell =
/// not assessed). Columns are listed in <see cref="Header"/>; probabilities 0..1, lengths mm, angles degrees.
/// </summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    public string Format => "csv";
    public string FileName => "findings.csv";
    public bool CanRender(ReportContext context) => true;

    public static IReadOnlyList<string> Header { get; } = BuildHeader();

    private static List<string> BuildHeader()
    {
        var h = new List<string> { "study_instance_uid", "series_instance_uid", "software_version", "level", "level_confidence", "review",
            "pfirrmann_grade" };
        h.AddRange(Enumerable.Range(1, 5).Select(i => $"pfirrmann_p{i}"));
        h.Add("pfirrmann_uncertain");
        h.Add("modic_type");
        h.AddRange(Enumerable.Range(0, 4).Select(i => $"modic_p{i}"));
        h.Add("modic_uncertain");
        foreach (var g in GradingNames.Binary)
        {
            var k = GradingNames.Key(g);
            h.AddRange([$"{k}_present", $"{k}_probability", $"{k}_uncertain"]);
        }
        h.AddRange(["disc_height_anterior_mm", "disc_height_middle_mm", "disc_height_posterior_mm", "disc_height_index", "wedge_angle_deg",
            "posterior_displacement_mm", "signal_intensity_ratio", "canal_ap_mm", "listhesis_slip_mm", "listhesis_percent", "meyerding_grade"]);
        return h;
    }

    public void Render(ReportContext context, Stream output)
    {
        var r = context.Report;
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine(string.Join(',', Header));
        foreach (var l in r.Levels)
        {
            var row = new List<string?> { r.Source.StudyInstanceUid, r.Source.SeriesInstanceUid, r.SoftwareVersion, l.Level.ToString(),
                N(l.LevelConfidence), B(GradingNames.NeedsReview(l)) };
            Ordinal(row, l.Grades.Pfirrmann, 5);
            Ordinal(row, l.Grades.Modic, 4);
            foreach (var g in GradingNames.Binary)
            {
                var f = GradingNames.Finding(l.Grades, g);
                row.AddRange([f is null ? null : B(f.Present), N(f?.Probability), f is null ? null : B(f.Uncertain)]);
            }
            var m = l.Measurements;
            row.AddRange([N(m?.Heights.Anterior.Value), N(m?.Heights.Middle.Value), N(m?.Heights.Posterior.Value), N(m?.HeightIndex),
                N(m?.WedgeAngle.Value), N(m?.PosteriorDisplacement?.Value), N(m?.SignalIntensityRatio), N(m?.CanalApDiameter?.Value),
                N(m?.Listhesis?.Slip.Value), N(m?.Listhesis?.Percent), m?.Listhesis?.MeyerdingGrade.ToString(CultureInfo.InvariantCulture)]);
            w.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    private static void Ordinal(List<string?> row, OrdinalGrade? g, int classes)
    {
        row.Add(g?.Value.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < classes; i++) row.Add(g is not null && i < g.Probabilities.Count ? N(g.Probabilities[i]) : null);
        row.Add(g is null ? null : B(g.Uncertain));
    }

    private static string? N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
    private static string B(bool b) => b ? "true" : "false";

    /// <summary>RFC 4180: quote fields holding a comma, quote, CR or LF; double embedded quotes.</summary>
    public static string Quote(string? s) =>
        s is null ? "" : s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
