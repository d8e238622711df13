namespace DiscScope.Cli.Tests;

/// <summary>Runs <see cref="CliApp.Run"/> with stdout and stderr captured.</summary>
public static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var oldOut = Console.Out; var oldErr = Console.Error;
        var o = new StringWriter(); var e = new StringWriter();
        Console.SetOut(o); Console.SetError(e);
        try { return (CliApp.Run(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
