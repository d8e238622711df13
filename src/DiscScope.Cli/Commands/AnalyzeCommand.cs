using System.ComponentModel;
using DiscScope.Domain.Reports;
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
        [Description("Sequence of INPUT: t2, t2_space or t1 (a T1 input is parsed and measured, not graded: the gradings and the disc signal ratio read T2 contrast). Default: t1 where the DICOM echo and repetition times say T1-weighted, else t2.")]
        public string? Sequence { get; init; }

        [CommandOption("--t1 <PATH>")]
        [Description("The same patient's sagittal T1 (same kind of input), used for Modic and endplate grading.")]
        public string? T1 { get; init; }

        [CommandOption("--orientation <CODE>")]
        [Description("Override the direction cosines of INPUT (and --t1) with a 3-letter code (e.g. PIL) for NIfTI/MetaImage files whose orientation is missing or wrong; not for DICOM.")]
        public string? Orientation { get; init; }

        [CommandOption("--formats <LIST>")]
        [Description("Comma-separated outputs: json, html, pdf, csv, fhir, sr, seg (default: all the input allows).")]
        public string? Formats { get; init; }

        [CommandOption("--segmentation-model <ONNX>")]
        public string? SegmentationModel { get; init; }

        [CommandOption("--grading-model <ONNX>")]
        public string? GradingModel { get; init; }

        [CommandOption("--gate <ONNX>")]
        [Description("Spine image gate model (default models/spine-gate/spine-gate.onnx where it exists; 'none' for no gate).")]
        public string? Gate { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var o = AnalysisRunner.Run(new AnalysisRunner.Request(s.Input, s.Out)
        {
            PixelSpacing = s.PixelSpacing, Sequence = s.Sequence, T1 = s.T1, Orientation = s.Orientation,
            SegmentationModel = s.SegmentationModel, GradingModel = s.GradingModel, GateModel = s.Gate,
            Formats = s.Formats?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        });
        foreach (var f in o.Skipped) if (s.Formats is not null) AnsiConsole.MarkupLine($"[yellow]{f}: not written (the input lacks what it needs, e.g. DICOM UIDs)[/]");
        Summarise(o.Analysis.Report);
        AnsiConsole.MarkupLine($"wrote {o.Written.Count} files to [green]{Markup.Escape(Path.GetFullPath(s.Out))}[/]");
        return o.Analysis.Report.CannotAssess is null ? 0 : 1;
    }

    /// <summary>Prints the per-level findings table and the warnings.</summary>
    public static void Summarise(StudyReport r)
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
