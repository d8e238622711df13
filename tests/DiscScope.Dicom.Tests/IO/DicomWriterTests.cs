using System.Text.RegularExpressions;
using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests.IO;

public sealed partial class DicomWriterTests(ITestOutputHelper output)
{
    [Fact]
    public void UidsAre225UuidDerivedAndValid()
    {
        var u = DicomUid.Generate();
        Assert.StartsWith("2.25.", u);
        Assert.True(DicomUid.IsValid(u), u);
        Assert.True(DicomUid.IsValid(DicomUid.ImplementationClassUid));
        // ISO/IEC 9834-8 example: UUID f81d4fae-7dec-11d0-a765-00a0c91e6bf6 is 2.25.329800735698586629295641978511506172918.
        Assert.Equal("2.25.329800735698586629295641978511506172918", DicomUid.FromGuid(new Guid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));
    }

    [Fact]
    public void WrittenFileHasMetaGroupLengthAndEvenValues()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(new DicomTag(0x0010, 0x0010), DicomVR.PN, "Doe^Jo"); // even length: written as is
        ds.SetString(new DicomTag(0x0010, 0x0020), DicomVR.LO, "ABC"); // odd: padded with a space
        var bytes = DicomWriter.ToBytes(new DicomFile(new DicomDataset(), ds, TransferSyntax.ExplicitVRLittleEndian, null, "mem"));
        Assert.Equal("DICM", System.Text.Encoding.ASCII.GetString(bytes, 128, 4));
        var back = DicomFile.Read(bytes, "mem");
        var gl = back.Meta.GetNumber(DicomTag.FileMetaInformationGroupLength);
        var metaEnd = back.Meta.Max(e => e.Offset) - 132; // offset of the last meta element's tag
        Assert.NotNull(gl);
        Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, back.Meta.GetString(DicomTag.TransferSyntaxUID));
        Assert.Equal(4, back.Dataset[new DicomTag(0x0010, 0x0020)]!.Value.Length);
        Assert.Equal("ABC", back.Dataset.GetString(new DicomTag(0x0010, 0x0020)));
        // The group length counts the bytes after the group length element up to the first data set element.
        var first = back.Dataset.Min(e => e.Offset);
        Assert.Equal(first - 132 - 12, (long)gl!.Value);
        Assert.True(metaEnd > 0);
    }

    [DataFact]
    public void RoundTripIsLosslessForEveryReadableCorpusFile_AndDcmdumpReadsTheOutput()
    {
        using var tmp = new TempDir();
        int files = 0, dumped = 0;
        var problems = new List<string>();
        var hasDcmdump = PeerTool.Exists("dcmdump");
        foreach (var path in Corpus.Files)
        {
            DicomFile f;
            try { f = DicomFile.Read(path); } catch (DicomException) { continue; }
            files++;
            var rel = Corpus.Rel(path);
            var outPath = tmp.File($"{files}.dcm");
            try { DicomWriter.Write(f, outPath); }
            catch (DicomException e) { problems.Add($"{rel}: not writable: {e.Reason}"); continue; }
            var back = DicomFile.Read(outPath);
            var diffs = DatasetComparer.Compare(f.Dataset, back.Dataset);
            if (diffs.Count > 0) problems.Add($"{rel}: {diffs.Count} differences: {string.Join("; ", diffs.Take(3))}");
            if (hasDcmdump)
            {
                var (code, _, err) = PeerTool.Run("dcmdump", ["-q", outPath]);
                if (code != 0 || err.Contains("E: ", StringComparison.Ordinal)) problems.Add($"{rel}: dcmdump rejects the written file: {err.Trim()}");
                else dumped++;
            }
        }
        output.WriteLine($"round trip: {files} files written and read back; dcmdump read {dumped}");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(40)));
    }

    /// <summary>
    /// dciodvfy (dicom3tools) finds no error in a written file that it does not also find in the source file: the
    /// corpus files carry their own IOD errors (missing type 1 attributes and the like), which writing cannot fix.
    /// </summary>
    /// <summary>Sources where the comparison says nothing about the writer, each with the reason.</summary>
    private static readonly Dictionary<string, string> DciodvfySkips = new(StringComparer.Ordinal)
    {
        ["fodicom/Tests_Test_Data/GH179A.dcm"] = "corrupt VR bytes in the source; dciodvfy stops there, the recovered value is garbage",
        ["fodicom/Tests_Test_Data/GH179B.dcm"] = "corrupt VR bytes in the source; dciodvfy stops there, the recovered value is garbage",
        ["fodicom/Tests_Test_Data/GH626.dcm"] = "source truncated inside a bogus (0000,0000) element; DiscScope keeps the cut value",
        ["pydicom/test_files/MR_truncated.dcm"] = "source truncated on purpose; its Pixel Data is short",
        ["pydicom/test_files/rtplan_truncated.dcm"] = "source truncated on purpose; its sequences are cut",
        ["fodicom/Tests_Test_Data/GH227.dcm"] = "deflated source: dciodvfy cannot inflate it, so it reports fewer of its IOD errors",
        ["pydicom/test_files/image_dfl.dcm"] = "deflated source: dciodvfy cannot inflate it, so it reports fewer of its IOD errors",
        ["pydicom/pydicom-data/bad_sequence.dcm"] = "the source's own Media Storage SOP Instance UID is not a valid UID and its data set has none to replace it",
        ["pydicom/pydicom-data/JLSL_RGB_ILV0.dcm"] = "source data set lacks SOP Instance UID (dciodvfy reports it once the file parses)",
        ["pydicom/pydicom-data/JLSL_RGB_ILV1.dcm"] = "source data set lacks SOP Instance UID",
        ["pydicom/pydicom-data/JLSL_RGB_ILV2.dcm"] = "source data set lacks SOP Instance UID",
        ["pydicom/pydicom-data/JLSN_RGB_ILV0.dcm"] = "source data set lacks SOP Instance UID",
    };

    [DataFact]
    public void DciodvfyFindsNoNewErrorsInWrittenFiles()
    {
        if (!PeerTool.Exists("dciodvfy")) { output.WriteLine("dciodvfy not installed (scripts/test.sh installs dicom3tools)"); return; }
        using var tmp = new TempDir();
        int files = 0, clean = 0;
        var problems = new List<string>();
        foreach (var path in Corpus.Files)
        {
            DicomFile f;
            try { f = DicomFile.Read(path); } catch (DicomException) { continue; }
            if (f.Dataset.GetString(DicomTag.SOPClassUID) is null || DciodvfySkips.ContainsKey(Corpus.Rel(path))) continue;
            files++;
            var outPath = tmp.File($"{files}.dcm");
            DicomWriter.Write(f, outPath);
            var before = Errors(path);
            var after = Errors(outPath);
            var added = after.Except(before).ToList();
            if (after.Count == 0) clean++;
            if (added.Count > 0) problems.Add($"{Corpus.Rel(path)}: {string.Join(" | ", added.Take(3))}");
        }
        output.WriteLine($"dciodvfy: {files} written files checked, {clean} without any error, {problems.Count} with errors the source lacks");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} files with new errors:\n" + string.Join("\n", problems.Take(40)));
    }

    private static HashSet<string> Errors(string file)
    {
        var (_, so, se) = PeerTool.Run("dciodvfy", [file], 60_000);
        return (so + se).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal))
            .Select(l => Digits().Replace(l.Trim(), "#")).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
}
