using DiscScope.Cli.Commands;
using Spectre.Console.Cli;

namespace DiscScope.Cli;

/// <summary>The one place where every subcommand is registered.</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator c)
    {
        c.AddCommand<DemoCommand>("demo").WithDescription("Run the pipeline on an embedded synthetic lumbar MR study (no external data).");
        c.AddCommand<InfoCommand>("info").WithDescription("Print dimensions, spacing, orientation and value range of an image.");
        c.AddCommand<ConvertCommand>("convert").WithDescription("Convert an image between supported formats, keeping geometry.");
        c.AddCommand<SegmentCommand>("segment").WithDescription("Segment vertebrae, discs and canal of a sagittal spine MR and label the levels (SPIDER convention).");
        c.AddBranch("evaluate", e => { e.AddCommand<EvaluateSegmentationCommand>("segmentation").WithDescription("Patient-level K-fold cross-validation of the spine segmentation (Dice, HD95, bootstrap CIs)."); e.AddCommand<EvaluateLevelsCommand>("levels").WithDescription("Level accuracy (FMRP), disc counts (SPIDER mid-sagittal) and Dice on unseen data (FMRP, vesal)."); });
        c.AddBranch("train", t => t.AddCommand<TrainSegmentationCommand>("segmentation").WithDescription("Train the sagittal vertebra/disc/canal segmentation model."));
        c.AddBranch("bench", b => { b.SetDescription("Benchmarks (figures go into issue notes)."); b.AddCommand<BenchModelsCommand>("models").WithDescription("ONNX Runtime vs TorchSharp forward time of the U-Net at 256^2 and 512^2."); b.AddCommand<BenchSegmentCommand>("segment").WithDescription("Spine parsing wall time on a 15-slice 512x512 sagittal series (model load excluded)."); });
    }
}
