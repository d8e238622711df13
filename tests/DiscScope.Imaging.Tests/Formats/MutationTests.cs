using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>
/// Deterministic mutations of small valid files (bytes overwritten, header bytes flipped, cuts): reading must give a volume or
/// an <see cref="ImageFormatException"/>, never another exception type, and never a large allocation.
/// </summary>
public class MutationTests
{
    private static readonly FormatRegistry Registry = DefaultFormats.Create();
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("DISCSCOPE_MUTATION_ROUNDS"), out var r) ? r : 300;

    [Theory]
    [InlineData(".nii")]
    [InlineData(".nii.gz")]
    [InlineData(".mha")]
    [InlineData(".mhd")]
    [InlineData(".png")]
    [InlineData(".npy")]
    public void MutatedFilesGiveAVolumeOrImageFormatException(string ext)
    {
        using var tmp = new TempDir();
        var v = new Volume<ushort>(ImageGeometry.Simple(9, 7, ext == ".png" ? 1 : 3, 0.5, 0.5, 2));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (ushort)(n * 37 % 1000);
        var original = tmp.File("o" + ext);
        Registry.Write(v, original);
        // For .mhd the header is what gets mutated; its .raw file stays beside it.
        var bytes = File.ReadAllBytes(original);
        var rng = new Random(ext.Sum(c => c)); // fixed seed per format (string.GetHashCode is randomised per process)
        var path = tmp.File("m" + ext);
        for (var round = 0; round < Rounds; round++)
        {
            var m = (byte[])bytes.Clone();
            var headerSpan = Math.Min(m.Length, ext is ".nii" or ".npy" ? 360 : m.Length);
            var edits = 1 + rng.Next(4);
            for (var e = 0; e < edits; e++) m[rng.Next(headerSpan)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) m = m.Cut(rng.Next(m.Length));
            File.WriteAllBytes(path, m);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try { Registry.Read(path); }
            catch (ImageFormatException) { }
            catch (Exception x) { Assert.Fail($"{ext} round {round}: {x.GetType().Name}: {x.Message}"); }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // 64 MB: a mutated size field may legitimately ask for more voxels than the original, but only as much as
            // the file (or deflate's 1032:1 over a few hundred bytes) can justify, plus decoder working memory.
            Assert.True(allocated < 64L << 20, $"{ext} round {round}: allocated {allocated} bytes");
        }
    }

    [Fact]
    public void MutatedJpegsGiveAVolumeOrImageFormatException()
    {
        // The JPEG is made by ImageSharp's encoder (DiscScope writes no JPEG); only its mutations are under test.
        using var img = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(FileBytes.Noise(48 * 40), 48, 40);
        using var ms = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(img, ms);
        var bytes = ms.ToArray();
        using var tmp = new TempDir();
        var path = tmp.File("m.jpg");
        var rng = new Random(11);
        for (var round = 0; round < Rounds; round++)
        {
            var m = (byte[])bytes.Clone();
            var edits = 1 + rng.Next(4);
            for (var e = 0; e < edits; e++) m[rng.Next(m.Length)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) m = m.Cut(rng.Next(m.Length));
            File.WriteAllBytes(path, m);
            try { Registry.Read(path); }
            catch (ImageFormatException) { }
            catch (Exception x) { Assert.Fail($".jpg round {round}: {x.GetType().Name}: {x.Message}"); }
        }
    }
}
