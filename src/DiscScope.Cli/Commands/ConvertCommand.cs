using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

public sealed class ConvertCommand : Command<ConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("Input image (any readable format; DICOM file, folder or ZIP included).")]
        public string Input { get; init; } = "";

        [CommandArgument(1, "<OUTPUT>")]
        [Description("Output file; the format follows the file name (.nii, .nii.gz, .mha, .mhd, .png, .npy).")]
        public string Output { get; init; } = "";

        [CommandOption("--pixel-spacing <ROW,COL>")]
        [Description("Pixel spacing in mm for 2D inputs.")]
        public string? PixelSpacing { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var v = Io.Read(s.Input, s.PixelSpacing);
        Io.Registry.Write(v, s.Output);
        AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(s.Output)}[/] ({v.Geometry.SizeI}x{v.Geometry.SizeJ}x{v.Geometry.SizeK}, {v.VoxelType})");
        return 0;
    }
}
