using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DiscScope.Analysis.Mri;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope segment INPUT --out OUT`: vertebra / disc / canal segmentation with level labels (SPIDER convention: vertebrae 1.. from L5,
/// sacrum 26, canal 100, discs 200 + k with k = 1 for L5-S1). OUT .mha / .nii.gz (int16, input geometry) or .png (16-bit, 2D input).
/// An input without a sagittal spine gives "no sagittal spine found: reason" and exit code 1; no label file is written.
/// </summary>
public sealed class SegmentCommand : Command<SegmentCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("Sagittal MR image or series (NIfTI, MetaImage, PNG/JPEG, ...).")]
        public string Input { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Label map: .mha, .nii.gz, .nii (int16) or .png (16-bit, 2D inputs).")]
        public string? Out { get; init; }

        [CommandOption("--pixel-spacing <ROW,COL>")]
        [Description("Pixel spacing in mm for 2D inputs (PNG/JPEG): columns anterior->posterior, rows superior->inferior.")]
        public string? PixelSpacing { get; init; }

        [CommandOption("--orientation <CODE>")]
        [Description("Override the direction cosines with a 3-letter code (e.g. PIL) for files whose orientation is missing or wrong.")]
        public string? Orientation { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("Segmentation ONNX model (default models/segmentation/spine-seg.onnx).")]
        public string? Model { get; init; }

        [CommandOption("--gate <FILE>")]
        [Description("Spine image gate model (default the shipped models/spine-gate/spine-gate.onnx; 'none' to parse without it).")]
        public string? Gate { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(s.Out)) throw new InputException("--out is required");
        IVolume input;
        if (string.IsNullOrEmpty(s.Orientation))
        {
            // A DICOM study of several series is read as its sagittal series (T2 first), as `analyze` does.
            var study = StudyReader.ReadStudy(s.Input, s.PixelSpacing, null, null, wantT1: false);
            if (study.Note is not null) Console.Error.WriteLine($"discscope: {study.Note}");
            // Never segmented: the network would label a CT or radiograph as if it were MR.
            if (ModalityCheck.Of(study.Input.Source.Modality) is { } notMr) return Refuse(s, notMr);
            input = study.Input.Volume;
        }
        else
        {
            input = Io.Read(s.Input, s.PixelSpacing);
            input = input.WithGeometry(input.Geometry with { Direction = OrientationOption.Parse(s.Orientation) });
        }
        using var net = OnnxSliceNetwork.Load(SegmentationModelPath.Resolve(s.Model));
        // A bare PNG stored upside down is parsed upright, as `analyze` does; its labels are written back in the input's orientation.
        using var gate = SpineGateModel.Load(s.Gate);
        var (_, seg, flipped) = new SpineParser(new SliceSegmenter(net), gate: gate).ParseUpright(input);
        if (seg.Result is NoSagittalSpine none) return Refuse(s, none);
        if (s.Json) Console.WriteLine(JsonSerializer.Serialize(Report(seg, s.Input, s.Out, flipped), JsonOut));
        var parsed = (ParsedSpine)seg.Result;
        var labels = seg.Labels!.Labels;
        if (flipped) labels = new Volume<short>(labels.Geometry, [.. RowFlip.Apply(labels).Voxels.Select(v => (short)v)]);
        Io.Registry.Write(labels, s.Out);
        if (!s.Json)
        {
            var t = new Table().AddColumns("disc", "IVD label", "label value");
            foreach (var d in parsed.Discs) t.AddRow(d.Level.ToString(), d.SpiderIvdLabel.ToString(CultureInfo.InvariantCulture), d.Label.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(t);
            AnsiConsole.MarkupLine(Markup.Escape(FormattableString.Invariant(
                $"{parsed.Discs.Count} discs, {parsed.Vertebrae.Count} vertebrae on slice {seg.MidSagittalSlice}; level confidence {parsed.Confidence:F2}")));
            foreach (var w in parsed.Warnings) AnsiConsole.MarkupLine($"[yellow]warning[/] {Markup.Escape(w.ToString())}");
            if (flipped) AnsiConsole.MarkupLine("[yellow]warning[/] the image is upside down (inferior at the top): it was parsed flipped top to bottom; the labels are written in the input's orientation");
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(s.Out)}[/]");
        }
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOut = new() { WriteIndented = true };

    /// <summary>No spine (or not MR): the reason as JSON with --json, else on stderr; nothing is written.</summary>
    private static int Refuse(Settings s, NoSagittalSpine none)
    {
        if (s.Json) Console.WriteLine(JsonSerializer.Serialize(NoSpine(none, s.Input), JsonOut));
        else Console.Error.WriteLine($"discscope: {none.Message}");
        return CliApp.BadInput;
    }

    private static object NoSpine(NoSagittalSpine n, string input) => new { input, found = false, reason = n.Kind.ToString(), message = n.Message };

    /// <summary>The machine-readable result. When the image was parsed flipped top to bottom (<paramref name="flippedUpright"/>), the
    /// centroids are given back in the input's frame, as the written labels are.</summary>
    public static object Report(SpineSegmentation seg, string input, string? output, bool flippedUpright = false)
    {
        ArgumentNullException.ThrowIfNull(seg);
        var height = seg.Labels is { } l ? (l.Labels.Geometry.SizeJ - 1) * l.Labels.Geometry.Spacing.Y : 0;
        double[] Centroid(double x, double y) => [x, flippedUpright ? height - y : y];
        return seg.Result switch
        {
            NoSagittalSpine n => NoSpine(n, input),
            ParsedSpine p => (object)new
            {
                input, output, found = true, midSagittalSlice = seg.MidSagittalSlice, confidence = p.Confidence, sacrumFound = p.SacrumFound,
                transitionalSuspected = p.TransitionalSuspected, flippedUpright,
                discs = p.Discs.Select(d => new { level = d.Level.ToString(), ivdLabel = d.SpiderIvdLabel, label = d.Label, centroidMm = Centroid(d.CentroidXMm, d.CentroidYMm), areaMm2 = d.AreaMm2 }),
                vertebrae = p.Vertebrae.Select(v => new { level = v.Level.ToString(), label = v.Label, centroidMm = Centroid(v.CentroidXMm, v.CentroidYMm), areaMm2 = v.AreaMm2 }),
                warnings = p.Warnings.Select(w => new { kind = w.Kind.ToString(), detail = w.Detail }),
            },
            _ => throw new InvalidOperationException("unknown result"),
        };
    }
}
