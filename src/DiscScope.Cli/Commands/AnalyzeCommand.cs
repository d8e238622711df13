using System.ComponentModel;
using System.Security.Cryptography;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Pipeline;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using DiscScope.Models.Onnx;
using DiscScope.Reporting;
using DiscScope.Reporting.Images;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope analyze`: parse, measure and grade a sagittal lumbar MR (series or 2D slice) and write every report format into a folder.
/// </summary>
public sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("T2 sagittal image: DICOM file/folder/ZIP, NIfTI, MetaImage, or a 2D PNG/JPEG slice.")]
        public string Input { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default ./discscope-report).")]
        public string Out { get; init; } = "discscope-report";

        [CommandOption("--pixel-spacing <ROW,COL>")]
        [Description("Pixel spacing in mm for 2D inputs (PNG/JPEG).")]
        public string? PixelSpacing { get; init; }

        [CommandOption("--sequence <SEQ>")]
        [Description("Sequence of INPUT: t2 (default), t2_space or t1.")]
        public string Sequence { get; init; } = "t2";

        [CommandOption("--t1 <PATH>")]
        [Description("The same patient's sagittal T1 (same kind of input), used for Modic and endplate grading.")]
        public string? T1 { get; init; }

        [CommandOption("--formats <LIST>")]
        [Description("Comma-separated outputs: json, html, pdf, csv, fhir, sr, seg (default: all the input allows).")]
        public string? Formats { get; init; }

        [CommandOption("--segmentation-model <ONNX>")]
        public string? SegmentationModel { get; init; }

        [CommandOption("--grading-model <ONNX>")]
        public string? GradingModel { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var segPath = ModelLocator.Find(ModelLocator.Segmentation, s.SegmentationModel)
            ?? throw new InputException("segmentation model not found: train it (`discscope train segmentation`) or pass --segmentation-model");
        var gradePath = ModelLocator.Find(ModelLocator.Grading, s.GradingModel);
        var t2 = Io.Read(s.Input, s.PixelSpacing);
        var t1 = s.T1 is null ? null : Io.Read(s.T1, s.PixelSpacing);
        var g = t2.Geometry;
        var source = new StudySource(s.Input, "MR", s.Sequence) { RowSpacingMm = g.Spacing.Y, ColumnSpacingMm = g.Spacing.X };

        using var cache = new OnnxModelCache();
        using var segNet = OnnxSliceNetwork.Load(segPath, threads: 2);
        var models = new List<ModelInfo> { Info(segPath, cache.Get(segPath)) };
        DiscGrader? grader = null;
        if (gradePath is not null) { grader = DiscGrader.Load(gradePath, cache); models.Add(Info(gradePath, cache.Get(gradePath))); }
        var analyzer = new StudyAnalyzer(new SpineParser(new SliceSegmenter(segNet)), grader, models, typeof(AnalyzeCommand).Assembly.GetName().Version?.ToString(3) ?? "0");
        var analysis = analyzer.Analyze(new StudyInput(t2, source) { T1 = t1 });

        Directory.CreateDirectory(s.Out);
        var written = new List<string>();
        foreach (var r in analysis.Grading)
            foreach (var (grading, map) in r.Heatmaps)
            {
                var rel = StudyAnalyzer.HeatmapPath(Domain.Anatomy.DiscLevel.FromSpiderIvdLabel(r.IvdLabel), grading);
                var path = Path.Combine(s.Out, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, HeatmapImage.Render(r.Crop, map, r.Width, r.Height));
            }
        if (analysis.Labels is not null)
        {
            var labelsPath = Path.Combine(s.Out, "labels.nii.gz");
            Io.Registry.Write(analysis.Labels.Labels, labelsPath);
            written.Add(labelsPath);
        }
        var ctx = new ReportContext(analysis.Report)
        {
            BaseDirectory = Path.GetFullPath(s.Out),
            Images = analysis.CanonicalImage is { } ci && analysis.CanonicalLabels is { } cl ? new ReportImages(ci, cl, analysis.MidSlice) : null,
        };
        var registry = ReportRendererRegistry.CreateDefault();
        var wanted = s.Formats?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => registry.Get(f).Format).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var r in registry.Renderers)
        {
            if (wanted is not null && !wanted.Contains(r.Format)) continue;
            if (!r.CanRender(ctx)) { if (wanted is not null) AnsiConsole.MarkupLine($"[yellow]{r.Format}: not written (the input lacks what it needs, e.g. DICOM UIDs)[/]"); continue; }
            var path = Path.Combine(s.Out, r.FileName);
            using (var fs = File.Create(path)) r.Render(ctx, fs);
            written.Add(path);
        }
        Summarise(analysis.Report);
        AnsiConsole.MarkupLine($"wrote {written.Count} files to [green]{Markup.Escape(Path.GetFullPath(s.Out))}[/]");
        return analysis.Report.CannotAssess is null ? 0 : 1;
    }

    private static ModelInfo Info(string path, OnnxModel m)
    {
        var meta = m.Properties.ContainsKey(MetadataKeys.Name) ? m.Metadata : null;
        using var f = File.OpenRead(path);
        return new ModelInfo(meta?.Name ?? Path.GetFileNameWithoutExtension(path), meta?.Version ?? "unknown", Convert.ToHexStringLower(SHA256.HashData(f)));
    }

    private static void Summarise(StudyReport r)
    {
        if (r.CannotAssess is { } why) { AnsiConsole.MarkupLine($"[red]cannot assess:[/] {Markup.Escape(why)}"); return; }
        var t = new Table().AddColumns("level", "Pfirrmann", "Modic", "herniation", "bulging", "narrowing", "height mm (A/M/P)", "DHI");
        foreach (var l in r.Levels)
        {
            var gr = l.Grades; var m = l.Measurements;
            static string B(BinaryFinding? b) => b is null ? "-" : FormattableString.Invariant($"{(b.Present ? "yes" : "no")} ({b.Probability:0.00}){(b.Uncertain ? " review" : "")}");
            static string O(OrdinalGrade? o) => o is null ? "-" : FormattableString.Invariant($"{o.Value} ({o.Probabilities.Max():0.00}){(o.Uncertain ? " review" : "")}");
            t.AddRow(l.Level.ToString(), O(gr.Pfirrmann), O(gr.Modic), B(gr.Herniation), B(gr.Bulging), B(gr.Narrowing),
                m is null ? "-" : FormattableString.Invariant($"{m.Heights.Anterior.Value:0.0}/{m.Heights.Middle.Value:0.0}/{m.Heights.Posterior.Value:0.0}"),
                m?.HeightIndex is { } dhi ? dhi.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-");
        }
        AnsiConsole.Write(t);
        foreach (var w in r.Warnings) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }
}
