using DiscScope.Domain.Reports;

namespace DiscScope.Reporting;

/// <summary>
/// Invariants every renderer may rely on, checked before writing report.json: Pfirrmann grade 1..5 with 5 class
/// probabilities, Modic type 0..3 with 4, every probability and level confidence within 0..1 and finite. A report that
/// breaks them fails loudly with the level and field named.
/// </summary>
public static class ReportChecks
{
    public static void Validate(StudyReport r, string format)
    {
        foreach (var l in r.Levels)
        {
            void Fail(string what) => throw new ReportingException(format, $"{l.Level}: {what}");
            void P(double p, string what) { if (!(p >= 0 && p <= 1)) Fail($"{what} {p} is not a probability in 0..1"); }
            P(l.LevelConfidence, "level confidence");
            if (l.Grades.Pfirrmann is { } pf)
            {
                if (pf.Value is < 1 or > 5) Fail($"Pfirrmann grade {pf.Value} is not 1..5");
                if (pf.Probabilities.Count != 5) Fail($"Pfirrmann has {pf.Probabilities.Count} class probabilities, expected 5");
                foreach (var p in pf.Probabilities) P(p, "Pfirrmann probability");
            }
            if (l.Grades.Modic is { } mo)
            {
                if (mo.Value is < 0 or > 3) Fail($"Modic type {mo.Value} is not 0..3");
                if (mo.Probabilities.Count != 4) Fail($"Modic has {mo.Probabilities.Count} class probabilities, expected 4");
                foreach (var p in mo.Probabilities) P(p, "Modic probability");
            }
            foreach (var g in GradingNames.Binary)
                if (GradingNames.Finding(l.Grades, g) is { } f) P(f.Probability, GradingNames.Title(g) + " probability");
        }
    }
}
