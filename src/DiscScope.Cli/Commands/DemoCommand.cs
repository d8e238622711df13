using System.ComponentModel;
using System.Globalization;
using DiscScope.Analysis.Synthetic;
using DiscScope.Dicom;
using DiscScope.Domain.Anatomy;
using DiscScope.Evaluation;
using DiscScope.Imaging;
using DiscScope.Imaging.Processing;
using DiscScope.Reporting.Dicom.Mr;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// Builds the embedded synthetic lumbar study as a DICOM MR series (no external data, no network), runs the whole pipeline on it
/// (`analyze`), prints the findings next to the phantom's designed ground truth and leaves every output in the folder it names.
/// </summary>
public sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder (default: ./discscope-demo).")]
        public string Out { get; init; } = "discscope-demo";
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(s.Out);
        var phantom = LumbarPhantom.Create();
        var dicomDir = Path.Combine(s.Out, "phantom_dicom");
        Directory.CreateDirectory(dicomDir);
        foreach (var f in MrSeriesBuilder.Build(phantom.Image, new MrSeriesInfo())) DicomWriter.Write(f, Path.Combine(dicomDir, f.Source));
        Io.Registry.Write(phantom.Labels.Labels, Path.Combine(s.Out, "phantom_truth_labels.nii.gz"));
        AnsiConsole.MarkupLine($"synthetic lumbar MR: {phantom.Image.SizeK} sagittal slices written as DICOM to [green]{Markup.Escape(dicomDir)}[/]");

        var o = AnalysisRunner.Run(new AnalysisRunner.Request(dicomDir, s.Out));
        var report = o.Analysis.Report;
        AnalyzeCommand.Summarise(report);
        if (report.CannotAssess is not null) return 1;

        var t = new Table().Title("Findings vs the phantom's design").AddColumns("level", "middle height mm (design)", "signal ratio (design)", "posterior displacement mm", "check");
        var failures = 0;
        foreach (var d in phantom.Discs)
        {
            var l = report.Levels.FirstOrDefault(x => x.Level == d.Level);
            var m = l?.Measurements;
            if (m is null) { t.AddRow(d.Level.ToString(), "not found", "", "", "[red]missed[/]"); failures++; continue; }
            var ok = PhantomTolerances.Within(d, m);
            if (!ok) failures++;
            t.AddRow(d.Level.ToString(), F($"{m.Heights.Middle.Value:0.0} ({d.MiddleMm:0.0})"), F($"{m.SignalIntensityRatio:0.00} ({d.SignalRatio:0.00})"),
                F($"{m.PosteriorDisplacement?.Value:0.0}") + (d.HerniationMm > 0 ? F($" (herniation {d.HerniationMm:0} mm)") : ""), ok ? "[green]ok[/]" : "[red]off[/]");
        }
        AnsiConsole.Write(t);

        if (o.Analysis.Labels is { } analysed)
        {
            var truth = phantom.Labels;
            // The DICOM reader stacks slices along the slice normal; bring the labels back onto the phantom's own grid (exact permutation).
            var predicted = new LabelMap(Reorientation.Reorient(analysed.Labels, DiscScope.Imaging.Geometry.Orientation.Code(truth.Geometry.Direction)));
            foreach (var (name, cls) in new[] { ("vertebrae", Structure.Vertebra), ("discs", Structure.Disc), ("canal", Structure.Canal) })
            {
                var labels = Enumerable.Range(0, 300).Where(v => Known(v) && SpineLabel.StructureOf(v) == cls).Select(v => (short)v).ToArray();
                var dice = Overlap.Compute(predicted, truth, labels).Dice;
                AnsiConsole.MarkupLine(F($"Dice {name} (levels merged) vs ground truth: {dice:0.000}"));
            }
        }
        AnsiConsole.MarkupLine(F($"tolerances: middle height ±{PhantomTolerances.HeightMm} mm, signal ratio ±{PhantomTolerances.SignalRatio}, herniated disc displacement > {PhantomTolerances.HerniationMinMm} mm; {failures} of {phantom.Discs.Count} discs off"));
        AnsiConsole.MarkupLine($"every output is in [green]{Markup.Escape(Path.GetFullPath(s.Out))}[/] ({o.Written.Count} files + heatmaps)");
        return 0;
    }

    private static bool Known(int v) => v is >= 1 and <= 26 or 100 or > 200 and <= 225;

    private static string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
