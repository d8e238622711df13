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
        c.AddBranch("bench", b => { b.SetDescription("Benchmarks (figures go into issue notes)."); b.AddCommand<BenchModelsCommand>("models").WithDescription("ONNX Runtime vs TorchSharp forward time of the U-Net at 256^2 and 512^2."); });
    }
}
