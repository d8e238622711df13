using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Images;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DiscScope.Reporting.Pdf;

/// <summary>
/// report.pdf (PDFsharp, A4): the same content as report.html — disclaimer, study, findings table with probabilities and
/// review flags, mid-sagittal overview, measurements with ranges and methods, vertebrae, Grad-CAM thumbnails, models.
/// Fonts come from <see cref="DejaVuFontResolver"/> (fonts-dejavu-core).
/// </summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    public string Format => "pdf";
    public string FileName => "report.pdf";
    public bool CanRender(ReportContext context) => true;

    public void Render(ReportContext context, Stream output)
    {
        PdfFontSetup.Ensure();
        var r = context.Report;
        using var doc = new PdfDocument();
        doc.Info.Title = "DiscScope spine MRI report";
        doc.Info.Creator = "DiscScope " + r.SoftwareVersion;
        doc.Info.Subject = StudyReport.Disclaimer;
        using (var p = new PdfLayout(doc, "DiscScope " + r.SoftwareVersion + " — decision support, not a diagnosis"))
        {
            p.Heading("DiscScope spine MRI report", p.H1);
            p.Paragraph(StudyReport.Disclaimer, p.Bold, XColor.FromArgb(255, 248, 197));
            var s = r.Source;
            p.Paragraph(string.Join("   ", new[] { ("Patient", s.PatientName is { } pn ? ReportText.PersonName(pn) : null), ("ID", s.PatientId), ("Study date", s.StudyDate), ("Modality", s.Modality), ("Sequence", s.Sequence) }
                .Where(kv => !string.IsNullOrEmpty(kv.Item2)).Select(kv => $"{kv.Item1}: {kv.Item2}")));
            if (s.StudyInstanceUid is { } su) p.Paragraph("Study UID: " + su, p.Small);
            if (r.CannotAssess is { } why) p.Paragraph("Could not assess: " + why, p.Bold, XColor.FromArgb(255, 235, 233));
            foreach (var w in r.Warnings) p.Paragraph("Warning: " + w, p.Regular, XColor.FromArgb(255, 235, 233));

            if (r.Levels.Count > 0)
            {
                p.Heading("Summary");
                var summary = ReportText.Summary(r);
                if (summary.Count == 0) p.Paragraph("No level stands out.");
                foreach (var line in summary) p.Paragraph("• " + line);
                p.Heading("Findings per disc level");
                p.Paragraph("p = model probability (of the shown grade; of \"present\" for findings). REVIEW marks a result below the confidence threshold.", p.Small);
                var cols = Enum.GetValues<Grading>();
                p.Table(["Level", .. cols.Select(GradingNames.Title), "Review"], [0.8, .. cols.Select(_ => 1.0), 0.7],
                    r.Levels.Select(l => (IReadOnlyList<(string, bool)>)[
                        (l.Level + (l.LevelNameUncertain ? " (level?)" : ""), l.LevelNameUncertain),
                        .. cols.Select(g => (ReportText.Cell(l, g) + (ReportText.Uncertain(l, g) ? " REVIEW" : ""), ReportText.Uncertain(l, g))),
                        (GradingNames.NeedsReview(l) ? "REVIEW" : "no", GradingNames.NeedsReview(l))]), p.Small);
            }

            var overview = context.OverviewPng(FileName);
            if (overview is not null)
            {
                p.KeepTogether(470);
                p.Heading("Mid-sagittal image");
                p.Images([(overview, "Segmentation: vertebrae amber, discs cyan, canal violet. Anterior is left.")], p.Width, 430);
            }

            if (r.Levels.Count > 0)
            {
                p.Heading("Measurements (mid-sagittal)");
                var methods = new SortedDictionary<string, string>(StringComparer.Ordinal);
                p.Table(["Level", "Measurement", "Value", "Indicative range"], [0.6, 1.6, 1.6, 1.2],
                    r.Levels.SelectMany(l => l.Measurements is null
                        ? [(IReadOnlyList<(string, bool)>)[(l.Level.ToString(), false), (ReportText.NotAssessed, false), ("", false), ("", false)]]
                        : ReportText.Rows(l.Measurements).Select(m =>
                        {
                            methods[m.Name] = m.Method;
                            return (IReadOnlyList<(string, bool)>)[(l.Level.ToString(), false), (m.Name, false), (m.Value + (m.OutOfRange ? " (out of range)" : ""), m.OutOfRange), (m.Range?.Text ?? "", false)];
                        }).ToList()), p.Small);
                p.Heading("Methods");
                foreach (var (name, method) in methods) p.Paragraph(name + ": " + method, p.Small);
            }

            if (r.Vertebrae.Count > 0)
            {
                p.Heading("Vertebral bodies");
                p.Table(["Level", "Heights A / M / P (mm)", "Wedge ratio", "Crush ratio", "Range"], [0.6, 1.6, 1, 1, 1],
                    r.Vertebrae.Select(v => (IReadOnlyList<(string, bool)>)[(v.Level.ToString(), false),
                        ($"{ReportText.Number(v.Heights.Anterior.Value)} / {ReportText.Number(v.Heights.Middle.Value)} / {ReportText.Number(v.Heights.Posterior.Value)}", false),
                        (ReportText.Number(v.WedgeRatio, "0.00"), v.WedgeRatio < 0.8), (ReportText.Number(v.CrushRatio, "0.00"), v.CrushRatio < 0.8), (ReferenceRanges.VertebralRatio.Text, false)]), p.Small);
                if (r.LumbarLordosis is { } lo)
                    p.Paragraph($"Lumbar lordosis (L1–S1): {ReportText.Number(lo.Value)} ° (indicative range {ReferenceRanges.Lordosis.Text}). {MeasurementMethods.Lordosis}", p.Small);
            }

            var heat = r.Levels.Where(l => l.Heatmaps.Count > 0).ToList();
            if (heat.Count > 0)
            {
                p.KeepTogether(140);
                p.Heading("Grad-CAM attention maps");
                p.Paragraph("Where each grading model looked; bright = high attention. Not a lesion map.", p.Small);
                p.Images(heat.SelectMany(l => l.Heatmaps.OrderBy(kv => kv.Key).Select(kv =>
                    (context.ReadReferencedFile(FileName, kv.Value), $"{l.Level} {GradingNames.Title(kv.Key)}"))).ToList(), 80, 80);
            }

            p.Heading("Software and models");
            p.Table(["Model", "Version", "SHA-256"], [1.2, 0.6, 3],
                [(IReadOnlyList<(string, bool)>)[("DiscScope", false), (r.SoftwareVersion, false), ("", false)],
                 .. r.Models.Select(m => (IReadOnlyList<(string, bool)>)[(m.Name, false), (m.Version, false), (m.Sha256 ?? "-", false)])], p.Small);
            p.Paragraph(StudyReport.Disclaimer, p.Bold, XColor.FromArgb(255, 248, 197));
        }
        doc.Save(output, closeStream: false);
    }
}
