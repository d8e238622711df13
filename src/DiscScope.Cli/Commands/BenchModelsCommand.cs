using System.ComponentModel;
using System.Globalization;
using DiscScope.Training.Architectures;
using DiscScope.Training.Benchmarks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope bench models`: ONNX Runtime vs TorchSharp forward time of the segmentation U-Net (issue #4 benchmark).</summary>
public sealed class BenchModelsCommand : Command<BenchModelsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--sizes <LIST>")]
        [Description("Comma-separated square input sizes in pixels (default 256,512).")]
        public string Sizes { get; init; } = "256,512";

        [CommandOption("--threads <N>")]
        [Description("CPU threads for both runtimes (default 2).")]
        public int Threads { get; init; } = 2;

        [CommandOption("--repeats <N>")]
        [Description("Timed forward passes per size and runtime; the median is reported (default 10).")]
        public int Repeats { get; init; } = 10;

        [CommandOption("--spin")]
        [Description("Let ONNX Runtime's threads spin while idle (its own default; off by default here). libtorch's OpenMP wait policy follows OMP_WAIT_POLICY (PASSIVE unless set).")]
        public bool Spin { get; init; }

        [CommandOption("--depth <N>")]
        [Description("U-Net resolution levels (default 4).")]
        public int Depth { get; init; } = 4;

        [CommandOption("--base <N>")]
        [Description("U-Net channels at full resolution (default 16).")]
        public int Base { get; init; } = 16;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        int[] sizes;
        try { sizes = [.. s.Sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; }
        catch (FormatException) { throw new InputException($"--sizes '{s.Sizes}' is not a comma-separated list of integers"); }
        if (s.Threads < 1 || s.Repeats < 1) throw new InputException("--threads and --repeats must be at least 1");
        var options = new UNetOptions(InChannels: 1, Classes: 2, Depth: s.Depth, BaseChannels: s.Base);
        var m = options.SizeMultiple;
        if (sizes.Any(z => z < m || z % m != 0)) throw new InputException($"sizes must be positive multiples of {m} for depth {s.Depth}");
        var results = ForwardBenchmark.Run(options, sizes, s.Threads, s.Repeats, s.Spin);
        var t = new Table().AddColumns("input", "TorchSharp (ms)", "ONNX Runtime (ms)", "TorchSharp / ORT", "max |diff|");
        foreach (var r in results)
            t.AddRow(string.Create(CultureInfo.InvariantCulture, $"1x1x{r.Size}x{r.Size}"), F(r.TorchSharpMs, "F1"), F(r.OnnxRuntimeMs, "F1"), F(r.Ratio, "F2"), F(r.MaxAbsDiff, "E1"));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"U-Net depth {s.Depth}, base {s.Base} ({results[0].Parameters:N0} parameters), CPU, {s.Threads} threads, median of {s.Repeats} forward passes (batch 1, eval); OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY")}, ORT spinning {(s.Spin ? "on" : "off")}")));
        AnsiConsole.Write(t);
        return 0;
    }

    private static string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
}
