using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests.IO;

/// <summary>
/// Seeded mutation fuzzing of the reader: each mutated corpus file either parses (header, JSON model and, for native,
/// RLE and deflated-frame data, the pixels) or throws <see cref="DicomException"/> with an offset or reason. No other
/// exception, no case over 1 s, and no allocation beyond 1100 x the file size + 64 MiB (deflate may expand 1032:1).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261126;
    private const int Cases = 20_000;

    private sealed record SeedFile(string Name, byte[] Bytes, int[] LengthFields, int[] LengthSizes);

    [DataFact]
    public void MutatedCorpusFilesParseOrThrowTheDocumentedException()
    {
        var seeds = Seeds();
        Assert.NotEmpty(seeds);
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var total = Stopwatch.StartNew();
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            var rnd = new Random(Seed + n); // one generator per case: repeatable whatever the thread schedule
            var (kind, bytes, seedName) = Mutate(rnd, seeds, n);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            string outcome;
            try { Exercise(bytes); outcome = "parsed"; }
            catch (DicomException e)
            {
                outcome = "DicomException";
                if (string.IsNullOrEmpty(e.Reason) || e.Offset is null) failures.Add($"case {n} ({kind} of {seedName}): DicomException without offset or reason: {e.Message}");
            }
            catch (Exception e) { outcome = e.GetType().Name; failures.Add($"case {n} ({kind} of {seedName}): {e.GetType().Name}: {e.Message}"); }
            sw.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var bound = 1100L * bytes.Length + (64L << 20);
            if (sw.ElapsedMilliseconds > 1000) failures.Add($"case {n} ({kind} of {seedName}): took {sw.ElapsedMilliseconds} ms");
            if (allocated > bound) failures.Add($"case {n} ({kind} of {seedName}): allocated {allocated} bytes > bound {bound}");
            counts.AddOrUpdate($"{kind} -> {outcome}", 1, (_, c) => c + 1);
        });
        output.WriteLine($"fuzz: {Cases} cases from {seeds.Count} seed files in {total.Elapsed.TotalSeconds:F1} s (seed {Seed})");
        foreach (var (k, v) in counts.OrderBy(x => x.Key, StringComparer.Ordinal)) output.WriteLine($"  {k}: {v}");
        foreach (var f in failures.Take(50)) output.WriteLine(f);
        Assert.True(failures.IsEmpty, $"{failures.Count} failures, first: {failures.FirstOrDefault()}");
    }

    private static void Exercise(byte[] bytes)
    {
        var f = DicomFile.Read(bytes, "fuzz");
        DicomJsonWriter.Serialize(f);
        if (f.Dataset.Contains(DicomTag.PixelData) || f.Dataset.Contains(DicomTag.FloatPixelData))
        {
            var px = new DicomPixelData(f, FuzzCodecs);
            if (!px.IsEncapsulated || FuzzCodecs.Find(f.TransferSyntax) is not null) px.DecodeAll();
        }
    }

    /// <summary>The managed codecs (DiscScope's own and JpegLibrary); the native libraries are fuzzed by their own projects.</summary>
    private static readonly DicomCodecRegistry FuzzCodecs = new DicomCodecRegistry().Add(new RleCodec()).Add(new DeflatedFrameCodec()).Add(new JpegCodec());

    private static (string Kind, byte[] Bytes, string Seed) Mutate(Random rnd, List<SeedFile> seeds, int n)
    {
        if (n % 100 == 0) return ("deep nesting", DeepNesting(1 + rnd.Next(5000), rnd.Next(2) == 0), "synthetic");
        var s = seeds[rnd.Next(seeds.Count)];
        var b = (byte[])s.Bytes.Clone();
        switch (rnd.Next(4))
        {
            case 0:
                return ("truncation", b[..rnd.Next(b.Length)], s.Name);
            case 1:
                for (var i = 1 + rnd.Next(8); i > 0; i--) b[rnd.Next(b.Length)] ^= (byte)(1 << rnd.Next(8));
                return ("bit flips", b, s.Name);
            default:
                if (s.LengthFields.Length == 0) goto case 1;
                var k = rnd.Next(s.LengthFields.Length);
                var at = s.LengthFields[k];
                var size = s.LengthSizes[k];
                var old = size == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
                var choice = rnd.Next(4);
                uint v = choice switch
                {
                    0 => 0,
                    1 => old | 1,
                    2 => 0xFFFFFFFF,
                    _ => (uint)(b.Length - at + rnd.Next(1, 1 << 20)),
                };
                if (size == 2) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)v);
                else BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), v);
                return (choice switch { 0 => "length 0", 1 => "odd length", 2 => "length FFFFFFFF", _ => "length past end" }, b, s.Name);
        }
    }

    /// <summary>An Explicit VR LE file whose data set nests <paramref name="depth"/> sequences (undefined or defined length).</summary>
    internal static byte[] DeepNesting(int depth, bool undefined)
    {
        using var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write(new byte[128]); w.Write("DICM"u8);
        var ts = "1.2.840.10008.1.2.1\0"u8.ToArray();
        w.Write((ushort)2); w.Write((ushort)0x10); w.Write("UI"u8); w.Write((ushort)ts.Length); w.Write(ts);
        // (0040,A730) Content Sequence nested: SQ header, item header, ... innermost a short LO.
        var leaf = new byte[] { 0x10, 0x00, 0x10, 0x00, (byte)'L', (byte)'O', 2, 0, (byte)'A', (byte)'B' };
        if (undefined)
        {
            for (var i = 0; i < depth; i++)
            {
                w.Write((ushort)0x0040); w.Write((ushort)0xA730); w.Write("SQ"u8); w.Write((ushort)0); w.Write(0xFFFFFFFFu);
                w.Write((ushort)0xFFFE); w.Write((ushort)0xE000); w.Write(0xFFFFFFFFu);
            }
            w.Write(leaf);
            for (var i = 0; i < depth; i++)
            {
                w.Write((ushort)0xFFFE); w.Write((ushort)0xE00D); w.Write(0u);
                w.Write((ushort)0xFFFE); w.Write((ushort)0xE0DD); w.Write(0u);
            }
        }
        else
        {
            var body = leaf;
            for (var i = 0; i < depth; i++)
            {
                var item = new byte[8 + body.Length];
                BinaryPrimitives.WriteUInt16LittleEndian(item, 0xFFFE); BinaryPrimitives.WriteUInt16LittleEndian(item.AsSpan(2), 0xE000);
                BinaryPrimitives.WriteUInt32LittleEndian(item.AsSpan(4), (uint)body.Length); body.CopyTo(item, 8);
                var sq = new byte[12 + item.Length];
                BinaryPrimitives.WriteUInt16LittleEndian(sq, 0x0040); BinaryPrimitives.WriteUInt16LittleEndian(sq.AsSpan(2), 0xA730);
                sq[4] = (byte)'S'; sq[5] = (byte)'Q';
                BinaryPrimitives.WriteUInt32LittleEndian(sq.AsSpan(8), (uint)item.Length); item.CopyTo(sq, 12);
                body = sq;
            }
            w.Write(body);
        }
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>Readable, non-deflated corpus files up to 48 KiB, with the offsets of their elements' length fields.</summary>
    private static List<SeedFile> Seeds()
    {
        var list = new List<SeedFile>();
        foreach (var path in Corpus.Files)
        {
            if (new FileInfo(path).Length > 48 * 1024) continue;
            DicomFile f;
            var bytes = File.ReadAllBytes(path);
            try { f = DicomFile.Read(bytes, path); } catch (DicomException) { continue; }
            if (f.TransferSyntax.Deflated || f.TransferSyntax.BigEndian) continue;
            var fields = new List<int>(); var sizes = new List<int>();
            void Walk(DicomDataset ds, bool meta)
            {
                foreach (var e in ds)
                {
                    if (e.Offset < 0 || e.Offset + 12 > bytes.Length) continue;
                    var explicitVr = meta || f.ExplicitVR;
                    if (!explicitVr) { fields.Add((int)e.Offset + 4); sizes.Add(4); }
                    else if (DicomVRs.HasLongLength(e.VR) || e.Items is not null || e.Fragments is not null) { fields.Add((int)e.Offset + 8); sizes.Add(4); }
                    else { fields.Add((int)e.Offset + 6); sizes.Add(2); }
                    if (e.Items is not null) foreach (var item in e.Items) Walk(item, meta);
                }
            }
            Walk(f.Meta, true);
            Walk(f.Dataset, false);
            list.Add(new SeedFile(Corpus.Rel(path), bytes, fields.ToArray(), sizes.ToArray()));
        }
        return list;
    }

    [Fact]
    public void DeepNestingIsRejectedWithOffsetNotStackOverflow()
    {
        foreach (var undefined in new[] { true, false })
        {
            var e = Assert.Throws<DicomException>(() => DicomFile.Read(DeepNesting(3000, undefined), "deep"));
            Assert.Contains("nested deeper", e.Reason);
            Assert.NotNull(e.Offset);
            var ok = DicomFile.Read(DeepNesting(9, undefined), "ok").Dataset;
            var depth = 0;
            for (var d = ok; d.GetItems(new DicomTag(0x0040, 0xA730)) is [var item, ..]; d = item) depth++;
            Assert.Equal(9, depth);
        }
    }
}
