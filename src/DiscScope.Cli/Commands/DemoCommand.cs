using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

public sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder (default: ./discscope-demo).")]
        public string Out { get; init; } = "discscope-demo";
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(s.Out);
        AnsiConsole.MarkupLine($"demo output in [green]{Markup.Escape(Path.GetFullPath(s.Out))}[/]");
        return 0;
    }
}
