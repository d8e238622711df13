using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope bench analyze`: end-to-end wall time of `analyze` (read, parse, measure, grade, every report format) run N times in one process.</summary>
public sealed class BenchAnalyzeCommand : Command<BenchAnalyzeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        public string Input { get; init; } = "";

        [CommandOption("--pixel-spacing <ROW,COL>")]
        public string? PixelSpacing { get; init; }

        [CommandOption("--t1 <PATH>")]
        public string? T1 { get; init; }

        [CommandOption("-n|--runs <N>")]
        [Description("Runs (default 5); the first one (JIT warm-up) is reported but left out of the median.")]
        public int Runs { get; init; } = 5;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "discscope-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var times = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        void OnStage(string name, TimeSpan t)
        {
            if (!stages.TryGetValue(name, out var l)) stages[name] = l = [];
            l.Add(t.TotalSeconds);
        }
        try
        {
            for (var r = 0; r < Math.Max(2, s.Runs); r++)
            {
                var sw = Stopwatch.StartNew();
                AnalysisRunner.Run(new AnalysisRunner.Request(s.Input, outDir) { PixelSpacing = s.PixelSpacing, T1 = s.T1, OnStage = OnStage });
                times.Add(sw.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {r + 1}: {sw.Elapsed.TotalSeconds:0.000} s"));
            }
        }
        finally { try { Directory.Delete(outDir, true); } catch (IOException) { } }
        var warm = times.Skip(1).OrderBy(t => t).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyze {s.Input}: median {warm[warm.Count / 2]:0.000} s per study over {warm.Count} warm runs (models loaded each run; {Environment.ProcessorCount} cores)"));
        // Per stage: median over the warm runs.
        foreach (var (name, l) in stages)
        {
            var w = l.Skip(1).OrderBy(t => t).ToList();
            if (w.Count > 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {w[w.Count / 2]:0.000} s"));
        }
        var load = stages.TryGetValue("load models", out var lm) ? lm.Skip(1).OrderBy(t => t).ToList() : [];
        if (load.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median without model load: {warm[warm.Count / 2] - load[load.Count / 2]:0.000} s"));
        return 0;
    }
}
