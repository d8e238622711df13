using System.ComponentModel;
using DiscScope.Reporting;
using DiscScope.Reporting.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// Renders a "discscope.report/1" report.json into the other report formats (HTML, PDF, CSV, FHIR, DICOM SR). Heatmap and
/// overview paths in the report resolve against the report's folder. The SEG needs the label map and is written by the
/// analysis pipeline, not from a report.json alone.
/// </summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<REPORT_JSON>")]
        [Description("A report.json (schema discscope.report/1).")]
        public string Report { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default: the report's folder).")]
        public string? Out { get; init; }

        [CommandOption("--format <LIST>")]
        [Description("Comma-separated formats: html, pdf, csv, fhir, sr, json (default: every format the report can feed).")]
        public string? Format { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (!File.Exists(s.Report)) throw new InputException($"{s.Report}: no such file");
        var folder = Path.GetDirectoryName(Path.GetFullPath(s.Report))!;
        using var input = File.OpenRead(s.Report);
        Domain.Reports.StudyReport report;
        try { report = ReportJsonReader.Read(input); }
        catch (ReportingException e) when (e.Format == "report.json") { throw new InputException($"{s.Report}: {e.Reason}"); } // the file the user named
        var ctx = new ReportContext(report) { BaseDirectory = folder };
        // Everything the renderers rely on is checked before the first file is written (the reader checks grades and numbers), so a bad
        // report leaves no partial output.
        ctx.CheckReferencedPaths("report.json");
        var registry = ReportRendererRegistry.CreateDefault();
        var renderers = s.Format is null
            ? registry.Renderers.Where(r => r.CanRender(ctx) && r.Format != "json").ToList()
            : s.Format.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(registry.Get).ToList();
        var outDir = s.Out ?? folder;
        Directory.CreateDirectory(outDir);
        foreach (var r in renderers)
        {
            if (!r.CanRender(ctx)) throw new InputException($"{r.Format}: this report lacks what the format needs (study UID, images)");
            var path = Path.Combine(outDir, r.FileName);
            ReportFile.Write(path, fs => r.Render(ctx, fs));
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(path)}[/]");
        }
        return 0;
    }
}
