using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests.Codecs;

/// <summary>
/// Encapsulated syntaxes against peers: dcmtk's dcmdjpeg / dcmdjpls / dcmdrle decompress each corpus file (no colour
/// conversion, colour-by-pixel) and DiscScope's native decoder (itself checked against pydicom) reads the result;
/// JPEG 2000 is checked against the uncompressed twins that ship with the corpus.
/// </summary>
public sealed class CodecTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, (string Tool, string[] Args)> Peers = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2.4.50"] = ("dcmdjpeg", ["+cn", "+px"]),
        ["1.2.840.10008.1.2.4.51"] = ("dcmdjpeg", ["+cn", "+px"]),
        ["1.2.840.10008.1.2.4.57"] = ("dcmdjpeg", ["+cn", "+px"]),
        ["1.2.840.10008.1.2.4.70"] = ("dcmdjpeg", ["+cn", "+px"]),
        ["1.2.840.10008.1.2.4.80"] = ("dcmdjpls", ["+px"]),
        ["1.2.840.10008.1.2.4.81"] = ("dcmdjpls", ["+px"]),
        ["1.2.840.10008.1.2.5"] = ("dcmdrle", []),
    };

    /// <summary>
    /// Known gaps, reported by the test but not failing it (issue #3 notes): whole-slide edge tiles coded smaller than
    /// the frame (DiscScope places them top-left and fills 0).
    /// Lossless data (JPEG process 14, JPEG-LS, RLE) is identical in every case.
    /// </summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal)
    {
        ["fodicom/Tests_Test_Data/multiframe.dcm"] = "whole-slide edge tiles coded smaller than Rows x Columns: DiscScope places them top-left and fills 0, dcmtk differs",
    };

    [DataFact]
    public void EncapsulatedCorpusFilesDecodeLikeDcmtk()
    {
        using var tmp = new TempDir();
        int compared = 0, identical = 0, withinTolerance = 0, peerFailed = 0;
        var problems = new List<string>();
        var gaps = new List<string>();
        foreach (var path in Corpus.Files)
        {
            DicomFile f;
            try { f = DicomFile.Read(path); } catch (DicomException) { continue; }
            if (!Peers.TryGetValue(f.TransferSyntax.Uid, out var peer) || !f.Dataset.Contains(DicomTag.PixelData) || !PeerTool.Exists(peer.Tool)) continue;
            var rel = Corpus.Rel(path);
            var outPath = tmp.File($"{compared}.dcm");
            var (code, _, err) = PeerTool.Run(peer.Tool, [.. peer.Args, path, outPath], 60_000);
            if (code != 0 || !File.Exists(outPath)) { peerFailed++; output.WriteLine($"{rel}: {peer.Tool} fails ({err.Trim().Split('\n')[0]}), not compared"); continue; }
            compared++;
            byte[] ours, theirs;
            var gap = KnownGaps.TryGetValue(rel, out var why);
            List<string> Report() => gap ? gaps : problems;
            try { ours = new DicomPixelData(f).DecodeAll(); }
            catch (DicomException e) { Report().Add($"{rel}: DiscScope fails where {peer.Tool} decodes: {e.Reason}"); continue; }
            var refFile = DicomFile.Read(outPath);
            theirs = new DicomPixelData(refFile).DecodeAll();
            if (ours.Length != theirs.Length) { Report().Add($"{rel}: {ours.Length} bytes vs {peer.Tool} {theirs.Length}"); continue; }
            if (ours.AsSpan().SequenceEqual(theirs)) { identical++; continue; }
            var px = new DicomPixelData(f);
            // Lossy JPEG: ISO 10918-1 leaves the IDCT's arithmetic to the implementation (accuracy per ISO 10918-2 annex A),
            // so JpegLibrary and libjpeg (dcmtk) may differ by a little; 2% of the sample range bounds that and still
            // catches a wrong component order or level shift. Chroma upsampling is not specified by the standard either:
            // libjpeg interpolates ("fancy" triangular filter), JpegLibrary replicates; so a chroma sample of a subsampled
            // component may also differ by up to the variation of the reference within its 5x5 neighbourhood (an
            // interpolated value cannot leave that range) — a misplaced or wrong block would. Lossless must be identical.
            var lossy = !f.TransferSyntax.IsLossless;
            var tolerance = lossy ? 0.02 * ((1 << px.BitsStored) - 1) : 0;
            var maxDiff = 0.0;
            var beyond = 0;
            var spp = px.SamplesPerPixel; var bps = px.BytesPerSample; var w = px.Columns; var h = px.Rows * px.Frames;
            for (var o = 0; o < ours.Length; o += bps)
            {
                var d = Math.Abs(px.SampleAt(ours, o) - px.SampleAt(theirs, o));
                maxDiff = Math.Max(maxDiff, d);
                if (d <= tolerance) continue;
                var sample = o / bps; var c = sample % spp; var p = sample / spp; int x = p % w, y = p / w;
                double lo = double.MaxValue, hi = double.MinValue;
                if (lossy && spp == 3 && c > 0)
                    for (var yy = Math.Max(0, y - 2); yy <= Math.Min(h - 1, y + 2); yy++)
                        for (var xx = Math.Max(0, x - 2); xx <= Math.Min(w - 1, x + 2); xx++)
                        {
                            var v = px.SampleAt(theirs, ((yy * w + xx) * spp + c) * bps);
                            lo = Math.Min(lo, v); hi = Math.Max(hi, v);
                        }
                if (!(hi >= lo && d <= hi - lo + tolerance)) beyond++;
            }
            if (beyond == 0) { withinTolerance++; output.WriteLine($"{rel}: lossy, max difference {maxDiff} (within tolerance or local chroma range)"); }
            else Report().Add($"{rel} ({f.TransferSyntax.Name}): {beyond} samples beyond tolerance, max difference {maxDiff} vs {peer.Tool}{(gap ? " [known gap: " + why + "]" : "")}");
        }
        output.WriteLine($"codecs vs dcmtk: {compared} files compared, {identical} identical, {withinTolerance} lossy within tolerance, {peerFailed} the peer cannot decode");
        foreach (var p in gaps) output.WriteLine("known gap: " + p);
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(30)));
        Assert.True(compared > 0 || !PeerTool.Exists("dcmdjpeg"));
    }

    [DataTheory]
    [InlineData("pydicom/pydicom-data/693_J2KR.dcm", "pydicom/pydicom-data/693_UNCR.dcm")]
    [InlineData("pydicom/pydicom-data/MR2_J2KR.dcm", "pydicom/pydicom-data/MR2_UNCR.dcm")]
    [InlineData("pydicom/pydicom-data/US1_J2KR.dcm", "pydicom/pydicom-data/US1_UNCR.dcm")]
    [InlineData("pydicom/pydicom-data/emri_small_jpeg_2k_lossless.dcm", "pydicom/pydicom-data/emri_small.dcm")]
    [InlineData("pydicom/test_files/GDCMJ2K_TextGBR.dcm", null)]
    [InlineData("dcm_qa_ts/In/9.dcm", "dcm_qa_ts/In/1.dcm")]
    public void Jpeg2000LosslessEqualsTheUncompressedTwin(string compressed, string? uncompressed)
    {
        if (!OpenJpegCodec.IsAvailable) { output.WriteLine("libopenjp2 not installed; scripts/test.sh installs libopenjp2-7"); return; }
        var ours = new DicomPixelData(DicomFile.Read(Path.Combine(Corpus.Root, compressed))).DecodeAll();
        if (uncompressed is null) { Assert.NotEmpty(ours); return; }
        var twin = new DicomPixelData(DicomFile.Read(Path.Combine(Corpus.Root, uncompressed))).DecodeAll();
        Assert.Equal(twin.Length, ours.Length);
        Assert.True(twin.AsSpan().SequenceEqual(ours), "pixels differ from the uncompressed twin");
    }

    [DataFact]
    public void SyntaxWithoutCodecIsAClearErrorNamingIt()
    {
        var f = DicomFile.Read(Path.Combine(Corpus.Root, "dcm_qa_ts", "In", "9.dcm"));
        var e = Assert.Throws<DicomException>(() => new DicomPixelData(f, new DicomCodecRegistry()).DecodeFrame(0));
        Assert.Contains("JPEG 2000 Image Compression (Lossless Only)", e.Reason);
        Assert.Contains("1.2.840.10008.1.2.4.90", e.Reason);
    }
}
