using System.Text.Json.Nodes;
using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests(ITestOutputHelper output)
{
    [Fact]
    public void KnowsCommonAndRepeatingTags()
    {
        Assert.Equal("PatientName", DicomDictionary.Find(new DicomTag(0x0010, 0x0010))!.Keyword);
        Assert.Equal("PN", DicomDictionary.Find(new DicomTag(0x0010, 0x0010))!.VR);
        Assert.Equal("OverlayRows", DicomDictionary.Find(new DicomTag(0x6002, 0x0010))!.Keyword); // (60xx,0010), even groups
        Assert.Null(DicomDictionary.Find(new DicomTag(0x6001, 0x0010))); // odd group: private, not an overlay
        Assert.Equal("UN", DicomDictionary.ImplicitVR(new DicomTag(0x0029, 0x1010)));
        Assert.Equal("LO", DicomDictionary.ImplicitVR(new DicomTag(0x0029, 0x0010)));
        Assert.Equal(new DicomTag(0x0028, 0x0010), new DicomTag(DicomDictionary.FindKeyword("Rows")!.Tag));
        Assert.True(DicomDictionary.Count > 4000);
    }

    /// <summary>The committed table is what the generator makes from Debian's dcmtk dictionary (regenerable).</summary>
    [Fact]
    public void GeneratedTableIsReproducibleFromTheSource()
    {
        var src = Directory.GetDirectories("/usr/share", "libdcmtk*").Select(d => Path.Combine(d, "dicom.dic")).FirstOrDefault(File.Exists);
        if (src is null) { output.WriteLine("dcmtk's dicom.dic not installed (scripts/test.sh installs dcmtk)"); return; }
        using var tmp = new TempDir();
        var outFile = tmp.File("gen.cs");
        PeerTool.RunOk(Corpus.Python, Path.Combine(SharedData.RepoRoot, "tools", "dicom-dictionary", "generate.py"), src, "--out", outFile);
        var committed = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "src", "DiscScope.Dicom", "Dictionary", "DicomDictionary.Generated.cs"));
        Assert.Equal(committed, File.ReadAllText(outFile));
    }

    /// <summary>
    /// Against pydicom's dictionary (an independent transcription of PS3.6): entries present in both agree in VR, VM and
    /// keyword, except the notation of LUT Data's ambiguous VR. The two are snapshots of different editions of the standard,
    /// so a few entries exist in one only and a few retired flags differ; those are listed, not failed.
    /// </summary>
    [Fact]
    public void AgreesWithPydicomsDictionary()
    {
        if (!PeerTool.Exists("python3")) return;
        var (code, o, _) = PeerTool.Run(Corpus.Python, [Path.Combine(SharedData.RepoRoot, "tests", "tools", "pydicom_dictionary.py")]);
        if (code != 0) { output.WriteLine("pydicom not installed"); return; }
        var theirs = JsonNode.Parse(o)!.AsObject();
        int common = 0, onlyTheirs = 0;
        var diffs = new List<string>();
        foreach (var (key, v) in theirs)
        {
            var e = DicomDictionary.Find(new DicomTag(Convert.ToUInt32(key, 16)));
            if (e is null || e.Tag == 0) { onlyTheirs++; continue; }
            common++;
            var a = v!.AsArray();
            var vr = (string)a[0]!;
            if (e.VR != vr && !(key == "00283006" && vr == "US or OW" && e.VR == "US or SS or OW")) diffs.Add($"{key} VR {e.VR} vs {vr}");
            if (e.VM != (string)a[1]!) diffs.Add($"{key} VM {e.VM} vs {a[1]}");
            if (e.Keyword != (string)a[2]!) diffs.Add($"{key} keyword {e.Keyword} vs {a[2]}");
        }
        output.WriteLine($"dictionary: {common} entries in both, {onlyTheirs} only in pydicom; differences: {string.Join(", ", diffs)}");
        Assert.Empty(diffs);
        Assert.True(common > 4800);
    }
}
