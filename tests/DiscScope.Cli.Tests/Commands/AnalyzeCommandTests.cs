using System.Text.Json;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope analyze --orientation`: volumes whose header misstates their orientation (the FMRP MetaImages say axial, identity
/// direction) are "cannot assess" as they are, and parsed when the axes are named.</summary>
[Collection(ConsoleCollection.Name)]
public class AnalyzeCommandTests
{
    [DataFact]
    public void AMisstatedOrientationIsNotAssessedUntilTheAxesAreNamed()
    {
        var mha = SharedData.Path("mri3d", "fmrp_ivd", "case11_image.mha");
        using var tmp = new TempDir();
        var (exit, _, _) = CliRun.Run("analyze", mha, "--out", tmp.File("as-is"), "--formats", "json");
        Assert.Equal(1, exit);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("as-is", "report.json")))))
        {
            Assert.Contains("axial", r.RootElement.GetProperty("cannot_assess").GetString());
            Assert.Equal(0, r.RootElement.GetProperty("levels").GetArrayLength());
        }

        (exit, _, var err) = CliRun.Run("analyze", mha, "--orientation", "PIL", "--out", tmp.File("pil"), "--formats", "json");
        Assert.True(exit == 0, err);
        using var pil = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("pil", "report.json"))));
        Assert.Equal(JsonValueKind.Null, pil.RootElement.GetProperty("cannot_assess").ValueKind);
        var levels = pil.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()).ToList();
        // The case's reference mask labels L5-S1 up to L1-L2 (its MANIFEST: 1 = L5/S1 .. 5 = L1/L2).
        Assert.Superset(new HashSet<string?> { "L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2" }, levels.ToHashSet());
    }

    /// <summary>SPIDER stores a few mid-sagittal slices upside down (57_t2: sacrum at the top). As a bare PNG its orientation is only
    /// assumed, so analyze sets it upright, says so, and names the levels as on an upright copy of the same image.</summary>
    [DataFact]
    public void AnUpsideDownPngIsAnalysedUprightAndSaysSo()
    {
        var png = SharedData.Path("spider", "midsag", "57_t2.png");
        using var tmp = new TempDir();
        var upright = tmp.File("upright.png");
        var formats = Imaging.Formats.DefaultFormats.Create();
        var flipped = Imaging.Processing.RowFlip.Apply(formats.Read(png)); // 8-bit grey values, exact in float
        formats.Write(new Imaging.Volume<byte>(flipped.Geometry, [.. flipped.Voxels.Select(v => (byte)v)]), upright);

        // Level name -> middle disc height (mm): a per-level figure that tells whether each name sits on the same disc in both runs.
        Dictionary<string, double> Heights(string input, string outDir, out List<string> warnings)
        {
            var (exit, _, err) = CliRun.Run("analyze", input, "--pixel-spacing", "0.5859375,0.5859375", "--sequence", "t2", "--out", tmp.File(outDir), "--formats", "json");
            Assert.True(exit == 0, err);
            using var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine(outDir, "report.json"))));
            warnings = [.. r.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
            return r.RootElement.GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!,
                l => l.GetProperty("measurements").GetProperty("heights_mm").GetProperty("middle") is { ValueKind: JsonValueKind.Number } m ? m.GetDouble() : -1);
        }

        var asStored = Heights(png, "stored", out var storedWarnings);
        var asUpright = Heights(upright, "upright", out var uprightWarnings);
        Assert.Contains(storedWarnings, w => w.Contains("analysed flipped top to bottom", StringComparison.Ordinal));
        Assert.DoesNotContain(uprightWarnings, w => w.Contains("upside down", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("L5-S1", asStored.Keys);
        Assert.Equal(asUpright.Keys.Order(), asStored.Keys.Order());
        foreach (var (level, h) in asUpright) Assert.Equal(h, asStored[level], 6);
    }

    [DataFact]
    public void AMalformedOrientationCodeIsABadInputWithItsReason()
    {
        var mha = SharedData.Path("mri3d", "fmrp_ivd", "case11_image.mha");
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("analyze", mha, "--orientation", "PI", "--out", tmp.Path);
        Assert.Equal(1, exit);
        Assert.Contains("--orientation needs 3 letters", err);
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }

    /// <summary>The gradings and the disc signal ratio read T2 contrast: a T1 given as the input is parsed and measured, never graded
    /// (the same image called a T2 is graded, so the difference is the sequence, not the image).</summary>
    [DataFact]
    public void AT1InputIsMeasuredButNotGraded()
    {
        var png = SharedData.Path("spider", "midsag", "1_t1.png");
        using var tmp = new TempDir();
        JsonElement Run(string sequence)
        {
            var (exit, _, err) = CliRun.Run("analyze", png, "--pixel-spacing", "0.625,0.625", "--sequence", sequence, "--out", tmp.File(sequence), "--formats", "json");
            Assert.True(exit == 0, err);
            using var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine(sequence, "report.json"))));
            return r.RootElement.Clone();
        }
        string[] gradings = ["pfirrmann", "modic", "herniation", "bulging", "narrowing", "spondylolisthesis", "endplate_upper", "endplate_lower"];

        var t1 = Run("T1");
        Assert.Equal("t1", t1.GetProperty("source").GetProperty("sequence").GetString());
        Assert.Contains(t1.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("the input is a T1 series", StringComparison.Ordinal));
        var levels = t1.GetProperty("levels").EnumerateArray().ToList();
        Assert.True(levels.Count >= 5, $"{levels.Count} levels");
        foreach (var l in levels)
        {
            foreach (var g in gradings) Assert.Equal(JsonValueKind.Null, l.GetProperty(g).ValueKind);
            Assert.Empty(l.GetProperty("heatmaps").EnumerateObject());
            var m = l.GetProperty("measurements");
            Assert.Equal(JsonValueKind.Null, m.GetProperty("signal_intensity_ratio").ValueKind);
            Assert.Equal(JsonValueKind.Number, m.GetProperty("heights_mm").GetProperty("middle").ValueKind);
        }

        var t2 = Run("t2");
        Assert.All(t2.GetProperty("levels").EnumerateArray(), l => Assert.Equal(JsonValueKind.Object, l.GetProperty("pfirrmann").ValueKind));
    }

    [Theory]
    [InlineData("t3", "--sequence t3: expected t2, t2_space, t1")]
    [InlineData("", "--sequence : expected t2, t2_space, t1")]
    [InlineData("t1", "--t1 adds a T1 to a T2 input, but --sequence t1 says the input is already a T1")]
    public void AnUnknownSequenceOrTwoT1sAreRefusedBeforeAnythingIsRead(string sequence, string message)
    {
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("analyze", tmp.File("absent.png"), "--pixel-spacing", "0.6,0.6", "--sequence", sequence, "--t1", tmp.File("t1.png"), "--out", tmp.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains(message, err);
        Assert.False(Directory.Exists(tmp.File("out")));
    }

    /// <summary>A DICOM series whose echo and repetition times say T1 is taken as a T1 when no --sequence is given (measured, not
    /// graded); the same series with T2 timing is graded, and as the --t1 of another series it is refused.</summary>
    [Fact]
    public void The_DICOM_timing_decides_the_sequence_when_none_is_stated()
    {
        using var tmp = new TempDir();
        var phantom = Analysis.Synthetic.LumbarPhantom.Create();
        string Series(string name, double te, double tr)
        {
            var dir = Directory.CreateDirectory(tmp.File(name)).FullName;
            TimedMrSeries.Write(phantom.Image, new Reporting.Dicom.Mr.MrSeriesInfo(), te, tr, dir);
            return dir;
        }
        var t1 = Series("t1", 12, 600);
        var t2 = Series("t2", 100, 3000);
        JsonElement Report(string outDir, params string[] args)
        {
            var (exit, _, err) = CliRun.Run(["analyze", .. args, "--out", tmp.File(outDir), "--formats", "json"]);
            Assert.True(exit == 0, err);
            using var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine(outDir, "report.json"))));
            return r.RootElement.Clone();
        }
        static IEnumerable<string> Warnings(JsonElement r) => r.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!);
        static bool Graded(JsonElement r) => r.GetProperty("levels").EnumerateArray().Any(l => l.GetProperty("pfirrmann").ValueKind == JsonValueKind.Object);

        var asT1 = Report("as-t1", t1);
        Assert.Equal("t1", asT1.GetProperty("source").GetProperty("sequence").GetString());
        Assert.Contains(Warnings(asT1), w => w.Contains("(TE 12 ms, TR 600 ms) is T1-weighted, so it was taken as a T1", StringComparison.Ordinal));
        Assert.True(asT1.GetProperty("levels").GetArrayLength() >= 5);
        Assert.False(Graded(asT1));

        var asT2 = Report("as-t2", t2);
        Assert.Equal("t2", asT2.GetProperty("source").GetProperty("sequence").GetString());
        Assert.True(Graded(asT2));
        Assert.DoesNotContain(Warnings(asT2), w => w.Contains("DICOM timing", StringComparison.Ordinal));

        var overridden = Report("overridden", t1, "--sequence", "t2");
        Assert.True(Graded(overridden));
        Assert.Contains(Warnings(overridden), w => w.Contains("--sequence t2 was given, but the input's DICOM timing", StringComparison.Ordinal));

        var t2AsT1 = Report("t2-as-t1", t2, "--t1", t2);
        Assert.True(Graded(t2AsT1));
        Assert.Contains(Warnings(t2AsT1), w => w.Contains("T1 not used: the --t1 series' DICOM timing (TE 100 ms, TR 3000 ms) is T2-weighted", StringComparison.Ordinal));
    }

    /// <summary>A study folder as a PACS exports it (an axial T2 stack with more frames, the sagittal T1 and the sagittal T2, one
    /// study): analyze reads the sagittal T2 as the input and the sagittal T1 as its T1, and says so.</summary>
    [Fact]
    public void A_study_folder_is_read_as_its_sagittal_T2_with_its_sagittal_T1()
    {
        using var tmp = new TempDir();
        var folder = Directory.CreateDirectory(tmp.File("study")).FullName;
        var (t1Uid, t2Uid) = TimedMrSeries.WriteStudy(folder);

        var (exit, _, err) = CliRun.Run("analyze", folder, "--out", tmp.File("out"), "--formats", "json");
        Assert.True(exit == 0, err);
        using var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("out", "report.json"))));
        var root = r.RootElement;
        Assert.Equal(t2Uid, root.GetProperty("source").GetProperty("series_instance_uid").GetString());
        Assert.Equal("t2", root.GetProperty("source").GetProperty("sequence").GetString());
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("3 series found: the input is T2 SAG (" + t2Uid, StringComparison.Ordinal) && w.Contains("its T1 T1 SAG (" + t1Uid, StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.StartsWith("T1 not used", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("levels").EnumerateArray(), l => l.GetProperty("modic").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public void OrientationIsRefusedForDicomWhichCarriesItsOwn()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("series"));
        var (exit, _, err) = CliRun.Run("analyze", tmp.File("series"), "--orientation", "PIL", "--out", tmp.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains("DICOM carries its own", err);
    }

    /// <summary>A spine series whose DICOM Modality is not MR (a CT here) is never segmented or graded: analyze reports "cannot assess"
    /// with the modality named, segment refuses it and writes no labels.</summary>
    [Fact]
    public void A_series_that_is_not_MR_is_not_assessed()
    {
        using var tmp = new TempDir();
        var dir = Directory.CreateDirectory(tmp.File("ct")).FullName;
        foreach (var f in Reporting.Dicom.Mr.MrSeriesBuilder.Build(Analysis.Synthetic.LumbarPhantom.Create().Image, new Reporting.Dicom.Mr.MrSeriesInfo()))
        {
            f.Dataset.SetString(new Dicom.DicomTag(0x0008, 0x0060), Dicom.DicomVR.CS, "CT"); // Modality
            Dicom.DicomWriter.Write(f, Path.Combine(dir, f.Source));
        }
        var (exit, _, err) = CliRun.Run("analyze", dir, "--out", tmp.File("out"), "--formats", "json");
        Assert.Equal(1, exit);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("out", "report.json")))))
        {
            Assert.Contains("the series' modality is CT, not MR", r.RootElement.GetProperty("cannot_assess").GetString());
            Assert.Equal(0, r.RootElement.GetProperty("levels").GetArrayLength());
            Assert.DoesNotContain(r.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("DICOM timing", StringComparison.Ordinal));
        }
        // As the --t1 of an MR series, it is not used as a T1.
        var mr = Directory.CreateDirectory(tmp.File("mr")).FullName;
        TimedMrSeries.Write(Analysis.Synthetic.LumbarPhantom.Create().Image, new Reporting.Dicom.Mr.MrSeriesInfo(), 100, 3000, mr);
        (exit, _, err) = CliRun.Run("analyze", mr, "--t1", dir, "--out", tmp.File("out2"), "--formats", "json");
        Assert.True(exit == 0, err);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("out2", "report.json")))))
            Assert.Contains(r.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString() == "T1 not used: the T1 series' modality is CT, not MR");
        (exit, _, err) = CliRun.Run("segment", dir, "--out", tmp.File("labels.nii.gz"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("no sagittal spine found: the series' modality is CT, not MR", err);
        Assert.False(File.Exists(tmp.File("labels.nii.gz")));
    }
}
