using System.Globalization;
using System.Text;
using DiscScope.Evaluation;

namespace DiscScope.Training.SpineGate;

/// <summary>
/// Figures of the gate's cross-validated predictions (pure): per source and assumed spacing, the share decided right with a Wilson
/// interval; per assumed spacing, the binary summary over every image (spine MR = positive; cluster bootstrap over groups), whose
/// sensitivity is the share of spine MR passed and specificity the share of other images refused; and the wrongly decided images.
/// </summary>
public static class SpineGateEvaluation
{
    public static IReadOnlyList<GateSourceResult> BySource(IReadOnlyList<GateOutOfFold> rows, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => (r.Source, r.IsSpineMr, r.External, r.AssumedSpacing)).OrderBy(g => g.Key.External).ThenByDescending(g => g.Key.IsSpineMr)
            .ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .ThenBy(g => g.Key.AssumedSpacing ?? 0).Select(g =>
            {
                var n = g.Count(); var passed = g.Count(r => r.Probability >= threshold);
                var right = g.Key.IsSpineMr ? passed : n - passed;
                var (lo, hi) = WilsonInterval.Of(right, n);
                return new GateSourceResult(g.Key.Source, g.Key.IsSpineMr, g.Key.External, g.Key.AssumedSpacing, n, g.Select(r => r.Group).Distinct().Count(), passed,
                    right / (double)n, lo, hi, g.Min(r => r.Probability), g.Max(r => r.Probability));
            })];
    }

    /// <summary>The binary summary for images scored at <paramref name="assumedSpacing"/> (those of unknown spacing) plus every image of
    /// known spacing, over the cross-validated images (<paramref name="external"/> false) or the external ones.</summary>
    public static BinarySummary Overall(IReadOnlyList<GateOutOfFold> rows, double assumedSpacing, double threshold, bool external = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var at = rows.Where(r => r.External == external && (r.AssumedSpacing is null || r.AssumedSpacing == assumedSpacing)).Select(r => new ScoredSample(r.Group, r.IsSpineMr, r.Probability)).ToList();
        return SummaryBuilder.Binary(at, threshold);
    }

    /// <summary>Markdown for the model card.</summary>
    public static string Card(IReadOnlyList<GateOutOfFold> rows, IReadOnlyList<double> assumedSpacings, double threshold, int folds, string command)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"## Cross-validated figures ({folds}-fold, groups never split)");
        sb.AppendLine();
        sb.AppendLine(inv, $"Command: `{command}`. Threshold {threshold:0.##}: an image passes when P(sagittal spine MR) >= it.");
        sb.AppendLine();
        sb.AppendLine("External sources are never trained on (their licence keeps them out of a shipped model); each of their images is scored by the");
        sb.AppendLine("network of its hash fold.");
        sb.AppendLine();
        sb.AppendLine("| source | class | use | assumed spacing | images | groups | decided right | 95 % CI (Wilson) | P min..max |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in BySource(rows, threshold))
            sb.AppendLine(inv, $"| {s.Source} | {(s.IsSpineMr ? "spine MR" : "other")} | {(s.External ? "external" : "cross-validated")} | {(s.AssumedSpacing is { } a ? a.ToString("0.##", inv) + " mm" : "stated")} | {s.Images} | {s.Groups} | {(s.IsSpineMr ? s.Passed : s.Images - s.Passed)}/{s.Images} ({s.Correct:P1}) | {s.CorrectLow:P1}-{s.CorrectHigh:P1} | {s.MinProbability:0.000}..{s.MaxProbability:0.000} |");
        sb.AppendLine();
        sb.AppendLine("| images | assumed spacing of unknown-spacing images | AUC [CI] | spine MR passed (sensitivity) [CI] | others refused (specificity) [CI] |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var external in new[] { false, true })
            foreach (var a in assumedSpacings)
            {
                if (!rows.Any(r => r.External == external)) continue;
                var o = Overall(rows, a, threshold, external);
                sb.AppendLine(inv, $"| {(external ? "external" : "cross-validated")} | {a:0.##} mm | {Ci(o.Auc)} | {Ci(o.Sensitivity)} | {Ci(o.Specificity)} |");
            }
        var wrong = rows.Where(r => r.IsSpineMr != r.Probability >= threshold).OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        sb.AppendLine();
        sb.AppendLine(inv, $"Wrongly decided: {wrong.Count} of {rows.Count} decisions.");
        foreach (var r in wrong.Take(40))
            sb.AppendLine(inv, $"- {r.Source} {r.Name}{(r.AssumedSpacing is { } a ? $" at {a:0.##} mm" : "")}: P = {r.Probability:0.000} ({(r.IsSpineMr ? "spine MR refused" : "passed")})");
        if (wrong.Count > 40) sb.AppendLine(inv, $"- ... and {wrong.Count - 40} more (evaluation.json)");
        return sb.ToString();

        static string Ci(MetricWithCi? m) => m is null ? "undefined" : string.Create(CultureInfo.InvariantCulture, $"{m.Value:0.0000} [{m.Lower:0.0000}, {m.Upper:0.0000}]");
    }
}
