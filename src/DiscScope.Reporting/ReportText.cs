using System.Globalization;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;

namespace DiscScope.Reporting;

/// <summary>The wording and number formats shared by the human-readable outputs (HTML, PDF), so both say the same thing.</summary>
public static class ReportText
{
    public const string NotAssessed = "not assessed";

    public static string Number(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A DICOM person name (PS3.5 6.2, "Family^Given^Middle^Prefix^Suffix") for display: "Family, Given Middle".</summary>
    public static string PersonName(string dicom)
    {
        var p = dicom.Split('=')[0].Split('^');
        var given = string.Join(' ', p.Skip(1).Take(2).Where(x => x.Length > 0));
        return given.Length > 0 ? $"{p[0]}, {given}" : p[0];
    }

    public static string Probability(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"3 (p 0.72)" for a Pfirrmann grade; Modic 0 reads "none".</summary>
    public static string Grade(OrdinalGrade? g, Grading grading)
    {
        if (g is null) return NotAssessed;
        var index = grading == Grading.Pfirrmann ? g.Value - 1 : g.Value;
        var p = index >= 0 && index < g.Probabilities.Count ? $" (p {Probability(g.Probabilities[index])})" : "";
        var v = grading == Grading.Modic && g.Value == 0 ? "none" : grading == Grading.Modic ? "type " + g.Value : g.Value.ToString(CultureInfo.InvariantCulture);
        return v + p;
    }

    /// <summary>"present (p 0.91)" / "absent (p 0.08)": p is always the probability of "present".</summary>
    public static string Finding(BinaryFinding? f) => f is null ? NotAssessed : $"{(f.Present ? "present" : "absent")} (p {Probability(f.Probability)})";

    /// <summary>
    /// One line per level with something to look at: Pfirrmann grade 3 or more, any Modic change, findings present, and
    /// results flagged for review. Empty when nothing stands out.
    /// </summary>
    public static IReadOnlyList<string> Summary(StudyReport r)
    {
        var lines = new List<string>();
        foreach (var l in r.Levels)
        {
            var parts = new List<string>();
            if (l.Grades.Pfirrmann is { Value: >= 3 } pf) parts.Add($"Pfirrmann {Grade(pf, Grading.Pfirrmann)}");
            if (l.Grades.Modic is { Value: > 0 } mo) parts.Add($"Modic {Grade(mo, Grading.Modic)}");
            foreach (var g in GradingNames.Binary)
                if (GradingNames.Finding(l.Grades, g) is { Present: true } f) parts.Add($"{GradingNames.Title(g).ToLowerInvariant()} (p {Probability(f.Probability)})");
            var review = Enum.GetValues<Grading>().Where(g => Uncertain(l, g)).Select(GradingNames.Title).ToList();
            if (l.LevelNameUncertain) review.Insert(0, "level name");
            if (review.Count > 0) parts.Add("review: " + string.Join(", ", review));
            if (parts.Count > 0) lines.Add($"{l.Level}: {string.Join("; ", parts)}");
        }
        return lines;
    }

    public static bool Uncertain(LevelReport l, Grading g) => g switch
    {
        Grading.Pfirrmann => l.Grades.Pfirrmann?.Uncertain == true,
        Grading.Modic => l.Grades.Modic?.Uncertain == true,
        _ => GradingNames.Finding(l.Grades, g)?.Uncertain == true,
    };

    public static string Cell(LevelReport l, Grading g) => g switch
    {
        Grading.Pfirrmann => Grade(l.Grades.Pfirrmann, g),
        Grading.Modic => Grade(l.Grades.Modic, g),
        _ => Finding(GradingNames.Finding(l.Grades, g)),
    };

    public static IReadOnlyList<MeasurementRow> Rows(DiscMeasurement m)
    {
        var rows = new List<MeasurementRow>
        {
            new("Disc height A / M / P", $"{Number(m.Heights.Anterior.Value)} / {Number(m.Heights.Middle.Value)} / {Number(m.Heights.Posterior.Value)} mm",
                !ReferenceRanges.DiscHeightMiddle.Contains(m.Heights.Middle.Value), ReferenceRanges.DiscHeightMiddle, MeasurementMethods.DiscHeight),
        };
        if (m.HeightIndex is { } dhi) rows.Add(new("Disc height index", Number(dhi, "0.00"), !ReferenceRanges.DiscHeightIndex.Contains(dhi), ReferenceRanges.DiscHeightIndex, MeasurementMethods.DiscHeightIndex));
        rows.Add(new("Wedge angle", Number(m.WedgeAngle.Value) + " °", false, null, MeasurementMethods.WedgeAngle));
        if (m.PosteriorDisplacement is { } pd) rows.Add(new("Posterior displacement", Number(pd.Value) + " mm", !ReferenceRanges.PosteriorDisplacement.Contains(pd.Value), ReferenceRanges.PosteriorDisplacement, MeasurementMethods.PosteriorDisplacement));
        if (m.SignalIntensityRatio is { } si) rows.Add(new("Disc/CSF signal ratio", Number(si, "0.00"), !ReferenceRanges.SignalIntensityRatio.Contains(si), ReferenceRanges.SignalIntensityRatio, MeasurementMethods.SignalIntensityRatio));
        if (m.CanalApDiameter is { } c) rows.Add(new("Canal AP diameter", Number(c.Value) + " mm", !ReferenceRanges.CanalAp.Contains(c.Value), ReferenceRanges.CanalAp, MeasurementMethods.CanalApDiameter));
        if (m.Listhesis is { } s) rows.Add(new("Listhesis", $"{Number(s.Slip.Value)} mm ({Number(s.Percent)} %, Meyerding {s.MeyerdingGrade})", !ReferenceRanges.ListhesisPercent.Contains(s.Percent), ReferenceRanges.ListhesisPercent, MeasurementMethods.Listhesis));
        return rows;
    }
}
