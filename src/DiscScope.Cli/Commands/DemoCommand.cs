using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Synthetic;
using DiscScope.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// Runs the pipeline on the embedded synthetic lumbar study (no external data, no network) and prints the findings next to the
/// phantom's designed ground truth; leaves every output in the folder it names.
/// </summary>
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
        var phantom = LumbarPhantom.Create();
        var imagePath = Path.Combine(s.Out, "phantom_t2.nii.gz");
        var truthPath = Path.Combine(s.Out, "phantom_truth_labels.nii.gz");
        Io.Registry.Write(phantom.Image, imagePath);
        Io.Registry.Write(phantom.Labels.Labels, truthPath);

        var mid = new LabelMap(phantom.Labels.Labels.Slice(phantom.MidSlice));
        var measured = SpineMorphometry.Measure(mid, phantom.Image.Slice(phantom.MidSlice));
        var jsonPath = Path.Combine(s.Out, "measurements.json");
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(measured, new JsonSerializerOptions { WriteIndented = true }));

        var t = new Table().Title("Synthetic lumbar study: measured vs designed (mid-sagittal slice)")
            .AddColumns("level", "middle height mm (designed)", "anterior / posterior mm (designed)", "signal ratio (designed)", "posterior displacement mm", "lesion");
        foreach (var d in phantom.Discs)
        {
            var m = measured.Discs.Single(x => x.Level == d.Level);
            t.AddRow(d.Level.ToString(),
                F($"{m.Heights.Middle.Value:0.0} ({d.MiddleMm:0.0})"),
                F($"{m.Heights.Anterior.Value:0.0} / {m.Heights.Posterior.Value:0.0} ({d.AnteriorMm:0.0} / {d.PosteriorMm:0.0})"),
                F($"{m.SignalIntensityRatio:0.00} ({d.SignalRatio:0.00})"),
                F($"{m.PosteriorDisplacement?.Value:0.0}"),
                d.Degenerated ? "degenerated" : d.HerniationMm > 0 ? F($"herniation {d.HerniationMm:0} mm") : "");
        }
        AnsiConsole.Write(t);
        if (measured.LumbarLordosis is { } lordosis) AnsiConsole.MarkupLine(F($"lumbar lordosis (L1-S1): {lordosis.Value:0.0} degrees"));
        AnsiConsole.MarkupLine("[grey]Measurements here are taken on the phantom's ground-truth labels.[/]");
        AnsiConsole.MarkupLine($"outputs in [green]{Markup.Escape(Path.GetFullPath(s.Out))}[/]: {Path.GetFileName(imagePath)}, {Path.GetFileName(truthPath)}, {Path.GetFileName(jsonPath)}");
        return 0;
    }

    private static string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
