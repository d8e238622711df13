using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests;

/// <summary>Decoded pixels equal pydicom's pixel_array byte for byte wherever pydicom can decode (no tolerance: lossless data).</summary>
public sealed class PixelDataTests(ITestOutputHelper output)
{
    /// <summary>Justified differences from pydicom 2.3.1 pixel arrays, by corpus path.</summary>
    public static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        // 8-bit samples in OW under Explicit VR Big Endian: OW is a stream of 16-bit words, byte-swapped in big endian
        // (PS3.5 6.2, 7.3). pydicom 2.3 keeps the file's byte order; dcmtk swaps, and pydicom's array of the file converted
        // by `dcmconv +te` equals DiscScope's (checked for SC_rgb_small_odd_big_endian: 166 141 52 ... both).
        ["pydicom/pydicom-data/OBXXXX1A_expb.dcm"] = "8-bit OW in big endian, see above",
        ["pydicom/test_files/SC_rgb_small_odd_big_endian.dcm"] = "8-bit OW in big endian, see above",
    };

    [DataFact]
    public void DecodedPixelsEqualPydicom()
    {
        var reference = PydicomReference.Instance;
        int compared = 0, equal = 0;
        var problems = new List<string>();
        foreach (var path in Corpus.Files)
        {
            var r = reference.For(path);
            if (r.NpyPath is null) continue;
            var rel = Corpus.Rel(path);
            compared++;
            byte[] ours;
            try
            {
                var px = new DicomPixelData(DicomFile.Read(path));
                ours = px.DecodeAll();
                if (!px.GetFrames().Span.SequenceEqual(ours)) problems.Add($"{rel}: GetFrames (zero-copy) differs from DecodeAll");
            }
            catch (DicomException e) { problems.Add($"{rel}: DiscScope cannot decode ({e.Reason}) but pydicom can"); continue; }
            var npy = Npy.Read(r.NpyPath).LittleEndian();
            if (ours.AsSpan().SequenceEqual(npy.Data)) { equal++; continue; }
            if (KnownDifferences.ContainsKey(rel)) { equal++; continue; }
            var first = 0;
            while (first < Math.Min(ours.Length, npy.Data.Length) && ours[first] == npy.Data[first]) first++;
            problems.Add($"{rel}: {ours.Length} bytes vs pydicom {npy.Data.Length} ({npy.Dtype} [{string.Join(',', npy.Shape)}]), first difference at byte {first}");
        }
        output.WriteLine($"pixels: compared {compared} files with pydicom, identical {equal}");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(40)));
    }

    [DataFact]
    public void DcmQaTs_LosslessSyntaxesDecodeToTheSamePixels()
    {
        var dir = SharedData.Path("dicom", "dcm_qa_ts", "In");
        var reference = new DicomPixelData(DicomFile.Read(Path.Combine(dir, "1.dcm"))).DecodeAll();
        var results = new List<string>();
        foreach (var n in Enumerable.Range(1, 9))
        {
            var file = DicomFile.Read(Path.Combine(dir, $"{n}.dcm"));
            string verdict;
            try
            {
                var px = new DicomPixelData(file).DecodeAll();
                verdict = px.AsSpan().SequenceEqual(reference) ? "identical" : "DIFFERENT";
            }
            catch (DicomException e) { verdict = "no codec: " + e.Reason; }
            results.Add($"{n}.dcm {file.TransferSyntax.Name}: {verdict}");
        }
        foreach (var r in results) output.WriteLine(r);
        Assert.DoesNotContain(results, r => r.EndsWith("DIFFERENT", StringComparison.Ordinal));
        Assert.All(results.Take(6), r => Assert.EndsWith("identical", r)); // native, RLE and JPEG are managed code
        if (CharLsCodec.IsAvailable) Assert.All(results.Skip(6).Take(2), r => Assert.EndsWith("identical", r));
        if (OpenJpegCodec.IsAvailable) Assert.EndsWith("identical", results[8]);
    }
}
