using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Training.Mri;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope train segmentation`: trains the sagittal vertebra / disc / canal U-Net on the SPIDER T2-SPACE slices and exports ONNX.</summary>
public sealed class TrainSegmentationCommand : Command<TrainSegmentationCommand.Settings>
{
    public sealed class Settings : SegmentationRecipeSettings
    {
        [CommandOption("--out <PATH>")]
        [Description("Output .onnx file, or a folder to hold spine-seg.onnx (default models/segmentation).")]
        public string Out { get; init; } = Path.Combine("models", "segmentation");

        [CommandOption("--minutes <M>")]
        [Description("Wall-time cap in minutes (default 120; the step count normally ends the run first).")]
        public double Minutes { get; init; } = 120;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var data = DataFolder.Resolve(s.Data);
        var outPath = s.Out.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? s.Out : Path.Combine(s.Out, "spine-seg.onnx");
        var slices = SpiderData.SpaceSlices(data);
        var patients = slices.Select(x => x.Patient).Distinct().Count();
        Console.WriteLine($"training on {slices.Count} SPIDER T2-SPACE slices of {patients} patients");
        var pseudo = s.PseudoLabels(data, slices);
        var all = pseudo is null ? slices : [.. slices, .. pseudo.Slices];
        var o = s.TrainingOptions(TimeSpan.FromMinutes(s.Minutes));
        var trainer = new SpineSegmentationTrainer(o, Console.WriteLine);
        var net = trainer.Train(all);
        var budget = FormattableString.Invariant($"{trainer.StepsDone} steps x batch {o.BatchSize} of {s.Patch}x{s.Patch} patches, base {s.Base}, {s.Minutes:G} min budget, {o.Threads} threads");
        var pseudoText = pseudo is null ? "" : $" + {pseudo.Slices.Count} pseudo-labelled spider/midsag slices (even patient ids, teacher {Path.GetFileName(s.Teacher)})";
        trainer.Export(net, outPath, $"SPIDER spider/space_slices: all {slices.Count} slices of {patients} patients{pseudoText}; {budget}",
            FormattableString.Invariant($"2D U-Net, sagittal slice -> background/vertebra/disc/canal; canvas {o.Canvas.Width}x{o.Canvas.Height} at {o.Canvas.SpacingMm} mm"));
        File.WriteAllText(Path.ChangeExtension(outPath, ".training.json"), JsonSerializer.Serialize(new
        {
            data = "spider/space_slices", slices = slices.Count, patients,
            pseudo_labels = pseudo is null ? null : new
            {
                source = "spider/midsag, patients with an even id not in space_slices, parsed by the teacher; accepted when disc count = num_discs, graded discs covered, no level warning",
                teacher = s.Teacher, teacher_sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(s.Teacher!))),
                slices = pseudo.Slices.Count, series = pseudo.Slices.Select(x => x.Name),
                verdicts = pseudo.VerdictsBySequence.ToDictionary(e => e.Key, e => e.Value.ToDictionary(v => v.Key.ToString(), v => v.Value)),
            }, steps = trainer.StepsDone, batch = o.BatchSize, patch = s.Patch, learning_rate = o.LearningRate, threads = o.Threads, minutes_budget = s.Minutes,
            canvas = new { o.Canvas.Width, o.Canvas.Height, o.Canvas.SpacingMm }, base_channels = o.BaseChannels, depth = o.Depth, seed = o.Seed,
            finished_utc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB)");
        return 0;
    }
}
