using System.Text.Json.Nodes;
using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests;

/// <summary>Acceptance: every corpus file is read, or rejected with DicomException where pydicom rejects it too; JSON equals pydicom's.</summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Justified differences from pydicom 2.3.1, by corpus path; each is a pydicom behaviour, not a DiscScope choice.
    /// </summary>
    public static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["fodicom/Tests_Test_Data/charset/chrGB2312.dcm"] =
            "pydicom 2.3 does not know the ISO 2022 escape ESC $ ) A (GB 2312 in G1) and leaves '$)A' in the name; DiscScope decodes it",
        ["fodicom/Tests_Test_Data/GH1339.dcm"] =
            "encapsulated Pixel Data cut off by the end of the file: pydicom drops the element, DiscScope keeps the fragments read",
        ["pydicom/pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm"] =
            "encapsulated Pixel Data cut off by the end of the file: pydicom drops the element, DiscScope keeps the fragments read",
    };

    [DataFact]
    public void EveryFileIsReadOrRejectedLikePydicom_AndJsonMatches()
    {
        var reference = PydicomReference.Instance;
        int read = 0, rejected = 0, match = 0, bothRejected = 0;
        var problems = new List<string>();
        foreach (var path in Corpus.Files)
        {
            var rel = Corpus.Rel(path);
            var r = reference.For(path);
            DicomFile? f = null;
            string? error = null;
            try { f = DicomFile.Read(path); }
            catch (DicomException e) { error = e.Message; }
            catch (Exception e) { problems.Add($"{rel}: undocumented exception {e.GetType().Name}: {e.Message}"); continue; }
            if (f is null)
            {
                rejected++;
                if (r.Status == "read") problems.Add($"{rel}: rejected ({error}) but pydicom reads it");
                else bothRejected++;
                continue;
            }
            read++;
            if (r.Status != "read") continue; // DiscScope is more lenient than pydicom here: allowed
            string json;
            try { json = DicomJsonWriter.Serialize(f); }
            catch (Exception e) { problems.Add($"{rel}: JSON failed {e.GetType().Name}: {e.Message}"); continue; }
            var diffs = JsonModelComparer.Compare(JsonNode.Parse(json)!.AsObject(), r.Dataset, bigEndian: f.TransferSyntax.BigEndian);
            if (diffs.Count == 0) { match++; continue; }
            if (KnownDifferences.ContainsKey(rel)) { match++; continue; }
            problems.Add($"{rel}: {diffs.Count} JSON differences: {string.Join("; ", diffs.Take(4))}");
        }
        output.WriteLine($"corpus: {Corpus.Files.Count} files, read {read}, rejected {rejected} (pydicom also rejects {bothRejected}), JSON equal to pydicom {match}");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(60)));
    }
}
