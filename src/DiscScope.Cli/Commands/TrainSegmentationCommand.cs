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
        var o = s.TrainingOptions(TimeSpan.FromMinutes(s.Minutes));
        var trainer = new SpineSegmentationTrainer(o, Console.WriteLine);
        var net = trainer.Train(slices);
        var budget = FormattableString.Invariant($"{trainer.StepsDone} steps x batch {o.BatchSize} of {s.Patch}x{s.Patch} patches, base {s.Base}, {s.Minutes:G} min budget, {o.Threads} threads");
        trainer.Export(net, outPath, $"SPIDER spider/space_slices: all {slices.Count} slices of {patients} patients; {budget}",
            FormattableString.Invariant($"2D U-Net, sagittal slice -> background/vertebra/disc/canal; canvas {o.Canvas.Width}x{o.Canvas.Height} at {o.Canvas.SpacingMm} mm"));
        File.WriteAllText(Path.ChangeExtension(outPath, ".training.json"), JsonSerializer.Serialize(new
        {
            data = "spider/space_slices", slices = slices.Count, patients, steps = trainer.StepsDone, batch = o.BatchSize, patch = s.Patch, learning_rate = o.LearningRate, threads = o.Threads, minutes_budget = s.Minutes,
            canvas = new { o.Canvas.Width, o.Canvas.Height, o.Canvas.SpacingMm }, base_channels = o.BaseChannels, depth = o.Depth, seed = o.Seed,
            finished_utc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB)");
        return 0;
    }
}
