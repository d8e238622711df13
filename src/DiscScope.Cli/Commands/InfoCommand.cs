using System.ComponentModel;
using System.Text.Json;
using DiscScope.Imaging;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

public sealed class InfoCommand : Command<InfoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("Image file (NIfTI, MetaImage, PNG/JPEG, NPY, ...).")]
        public string Input { get; init; } = "";

        [CommandOption("--json")]
        [Description("Machine-readable output.")]
        public bool Json { get; init; }

        [CommandOption("--pixel-spacing <ROW,COL>")]
        [Description("Pixel spacing in mm for 2D inputs.")]
        public string? PixelSpacing { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var v = Io.Read(s.Input, s.PixelSpacing);
        var g = v.Geometry;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (long n = 0; n < v.Length; n++) { var d = v.GetDouble(n); if (d < min) min = d; if (d > max) max = d; }
        if (s.Json)
        {
            var o = new
            {
                file = s.Input,
                size = new[] { g.SizeI, g.SizeJ, g.SizeK },
                spacing = new[] { g.Spacing.X, g.Spacing.Y, g.Spacing.Z },
                origin = new[] { g.Origin.X, g.Origin.Y, g.Origin.Z },
                direction = g.Direction.ToRowMajor(),
                orientation = Orientation.Code(g.Direction),
                voxelType = v.VoxelType.ToString(),
                min, max,
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(o, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var t = new Table().AddColumns("property", "value");
        t.AddRow("file", Markup.Escape(s.Input));
        t.AddRow("size", $"{g.SizeI} x {g.SizeJ} x {g.SizeK}");
        t.AddRow("spacing (mm)", Markup.Escape(g.Spacing.ToString()));
        t.AddRow("origin (mm, LPS)", Markup.Escape(g.Origin.ToString()));
        t.AddRow("orientation", Orientation.Code(g.Direction));
        t.AddRow("voxel type", v.VoxelType.ToString());
        t.AddRow("range", FormattableString.Invariant($"{min:G6} .. {max:G6}"));
        AnsiConsole.Write(t);
        return 0;
    }
}
