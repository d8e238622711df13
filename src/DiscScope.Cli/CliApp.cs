using DiscScope.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli;

/// <summary>Builds the command app and maps failures to exit codes: 0 ok, 1 bad input (one-line reason), 2 usage.</summary>
public static class CliApp
{
    public const int Ok = 0, BadInput = 1, Usage = 2;

    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("discscope");
            c.PropagateExceptions();
            CommandRegistry.Register(c);
        });
        try
        {
            return app.Run(args);
        }
        catch (CommandParseException e) { return Fail(Usage, e.Message); }
        catch (CommandRuntimeException e) { return Fail(Usage, e.Message); }
        catch (Exception e) when (IsInputError(e)) { return Fail(BadInput, e.Message); }
    }

    /// <summary>Errors caused by the input (files, data) rather than by a bug: among them a JSON file that does not parse
    /// (<see cref="System.Text.Json.JsonException"/>) and a damaged file beside a model (<see cref="InvalidDataException"/>).</summary>
    public static bool IsInputError(Exception e) =>
        e is ImageFormatException or IOException or UnauthorizedAccessException or InputException or System.Text.Json.JsonException or InvalidDataException
        || e.GetType().Name.EndsWith("FormatException", StringComparison.Ordinal)
        || e.GetType().Name == "DicomException" || e is Reporting.ReportingException;

    private static int Fail(int code, string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        Console.Error.WriteLine($"discscope: {line}");
        return code;
    }
}
