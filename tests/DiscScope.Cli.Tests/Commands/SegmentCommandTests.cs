using System.Text.Json;
using DiscScope.Imaging;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Processing;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope segment` on a PNG stored upside down (SPIDER 57_t2, sacrum at the top): parsed upright, labels written back in
/// the input's orientation, so they are the upright copy's labels mirrored.</summary>
[Collection(ConsoleCollection.Name)]
public class SegmentCommandTests
{
    [DataFact]
    public void AnUpsideDownPngGetsTheUprightCopysLabelsMirrored()
    {
        var png = SharedData.Path("spider", "midsag", "57_t2.png");
        using var tmp = new TempDir();
        var formats = DefaultFormats.Create();
        var flipped = RowFlip.Apply(formats.Read(png));
        formats.Write(new Volume<byte>(flipped.Geometry, [.. flipped.Voxels.Select(v => (byte)v)]), tmp.File("upright.png"));

        var (exit, stdout, err) = CliRun.Run("segment", png, "--pixel-spacing", "0.5859375,0.5859375", "--out", tmp.File("stored.lab.png"), "--json");
        Assert.True(exit == 0, err);
        using (var doc = JsonDocument.Parse(stdout)) Assert.True(doc.RootElement.GetProperty("flippedUpright").GetBoolean());
        (exit, _, err) = CliRun.Run("segment", tmp.File("upright.png"), "--pixel-spacing", "0.5859375,0.5859375", "--out", tmp.File("upright.lab.png"));
        Assert.True(exit == 0, err);

        var stored = formats.Read(tmp.File("stored.lab.png")).ToFloat().Voxels;
        var upright = RowFlip.Apply(formats.Read(tmp.File("upright.lab.png"))).Voxels;
        Assert.Equal(upright, stored);
        Assert.Contains(201f, stored); // L5-S1 labelled
    }

    /// <summary>A study folder of three series (an axial stack with the most frames, a sagittal T1 and a sagittal T2) is segmented on its
    /// sagittal T2, as `analyze` reads it, and says which series it took.</summary>
    [Fact]
    public void A_study_folder_is_segmented_on_its_sagittal_T2()
    {
        using var tmp = new TempDir();
        var folder = Directory.CreateDirectory(tmp.File("study")).FullName;
        var (_, t2Uid) = TimedMrSeries.WriteStudy(folder);
        var (exit, _, err) = CliRun.Run("segment", folder, "--out", tmp.File("labels.nii.gz"));
        Assert.True(exit == 0, err);
        Assert.Contains("3 series found: the input is T2 SAG (" + t2Uid, err);
        var labels = DefaultFormats.Create().Read(tmp.File("labels.nii.gz"));
        Assert.Equal(Analysis.Synthetic.LumbarPhantom.Create().Image.Geometry.SizeK, labels.Geometry.SizeK);
        Assert.Contains(201.0, Enumerable.Range(0, (int)labels.Length).Select(i => labels.GetDouble(i)).Distinct());
    }
}
