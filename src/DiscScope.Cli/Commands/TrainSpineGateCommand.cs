using System.ComponentModel;
using DiscScope.Training.SpineGate;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope train spine-gate`: trains the image gate (sagittal spine MR or not) on every gate image of the shared data and exports it.</summary>
public sealed class TrainSpineGateCommand : Command<TrainSpineGateCommand.Settings>
{
    public sealed class Settings : SpineGateSettings
    {
        [CommandOption("--out <PATH>")]
        [Description("Output .onnx file, or a folder to hold spine-gate.onnx (default models/spine-gate).")]
        public string Out { get; init; } = Path.Combine("models", "spine-gate");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var data = DataFolder.Resolve(s.Data);
        var outPath = s.Out.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? s.Out : Path.Combine(s.Out, "spine-gate.onnx");
        Console.WriteLine("loading gate images:");
        var images = SpineGateData.Load(data, Console.WriteLine);
        var net = new SpineGateTrainer(s.TrainingOptions, Console.WriteLine).Train(images, cancellationToken);
        var used = images.Where(x => x.Trainable).ToList();
        var sources = string.Join(", ", used.GroupBy(x => x.Source).Select(g => $"{g.Key} {g.Count()}"));
        SpineGateTrainer.Export(net, outPath, $"{used.Count} images ({used.Count(x => x.IsSpineMr)} sagittal spine MR): {sources}; {s.Epochs} epochs, seed {s.Seed}; not trained on: AASCE, FMRP (research use only), vesal (origin unknown)",
            SpineGateSettings.Licence);
        Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB)");
        return 0;
    }
}
