using System.Text.Json;
using DiscScope.Analysis.Synthetic;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>
/// `discscope demo` on the shipped models: the whole pipeline runs on the embedded phantom (no external data) and writes every output.
/// Expected levels come from the phantom's design (T12 to sacrum), the DICOM outputs are checked by dicom3tools' dciodvfy.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class DemoCommandTests
{
    [Fact]
    public void DemoWritesEveryOutputAndNamesThePhantomLevels()
    {
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("demo", "--out", tmp.Path);
        Assert.True(exit == 0, err);
        foreach (var f in new[] { "report.json", "report.html", "report.pdf", "findings.csv", "fhir.json", "sr.dcm", "seg.dcm", "labels.nii.gz", "phantom_truth_labels.nii.gz" })
            Assert.True(File.Exists(tmp.File(f)), $"{f} missing");
        Assert.NotEmpty(Directory.GetFiles(tmp.File("heatmaps"), "*.png"));
        Assert.Equal(15, Directory.GetFiles(tmp.File("phantom_dicom"), "*.dcm").Length);

        using var report = JsonDocument.Parse(File.ReadAllText(tmp.File("report.json")));
        var levels = report.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()).ToHashSet();
        foreach (var designed in new[] { "T12-L1", "L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1" }) Assert.Contains(designed, levels);

        // The issue's acceptance: findings within the stated tolerances of the phantom's design (truth rebuilt here, not read from the CLI).
        var measured = report.RootElement.GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!, l => l.GetProperty("measurements"));
        foreach (var d in LumbarPhantom.Create().Discs)
        {
            var m = measured[d.Level.ToString()];
            double? Opt(string name) => m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            var middle = m.GetProperty("heights_mm").GetProperty("middle").GetDouble();
            Assert.True(PhantomTolerances.Within(d, middle, Opt("signal_intensity_ratio"), Opt("posterior_displacement_mm")),
                $"{d.Level}: middle {middle:F1} mm (design {d.MiddleMm:F1}), signal ratio {Opt("signal_intensity_ratio"):F2} (design {d.SignalRatio:F2}), displacement {Opt("posterior_displacement_mm"):F1} mm (herniation {d.HerniationMm} mm)");
        }

        foreach (var dcm in new[] { "sr.dcm", "seg.dcm", Path.Combine("phantom_dicom", "IM0008.dcm") })
        {
            var (_, o, e) = PeerTool.Run("dciodvfy", [tmp.File(dcm)]);
            Assert.False((o + e).Split('\n').Any(l => l.StartsWith("Error", StringComparison.Ordinal)), $"{dcm}: {o}{e}");
        }
    }
}
