using System.Buffers.Binary;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.Png;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;
using SixLabors.ImageSharp;

namespace DiscScope.Imaging.Tests.Formats.Png;

/// <summary>PNG and JPEG through ImageSharp: round trips, spacing, real files against an independent python decoder, bad input.</summary>
public class PngFormatTests
{
    private static readonly PngFormat Png = new();
    private static readonly JpegFormat Jpeg = new();

    private static IVolume RoundTrip(IVolume v, ReadOptions? options = null)
    {
        using var tmp = new TempDir();
        Png.Write(v, tmp.File("r.png"));
        return Png.Read(tmp.File("r.png"), options ?? ReadOptions.Default);
    }

    [Fact]
    public void EightBitRoundTrip()
    {
        var v = new Volume<byte>(ImageGeometry.Simple(17, 9, 1));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (byte)(n * 7);
        VolumeAssert.SameVoxels(v, RoundTrip(v), "8-bit");
    }

    [Fact]
    public void SixteenBitRoundTripKeepsTheFullRange()
    {
        var v = new Volume<ushort>(ImageGeometry.Simple(13, 11, 1));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (ushort)(n * 457 % 65536);
        v.Voxels[0] = 0; v.Voxels[1] = 65535; v.Voxels[2] = 256; v.Voxels[3] = 1;
        VolumeAssert.SameVoxels(v, RoundTrip(v), "16-bit");
    }

    [Fact]
    public void WrittenPngsDecodeTheSameInAnIndependentDecoder()
    {
        Assert.NotNull(PeerPython.Plain);
        using var tmp = new TempDir();
        var v8 = new Volume<byte>(ImageGeometry.Simple(23, 5, 1));
        for (var n = 0; n < v8.Voxels.Length; n++) v8.Voxels[n] = (byte)(n * 11);
        var v16 = new Volume<ushort>(ImageGeometry.Simple(19, 4, 1));
        for (var n = 0; n < v16.Voxels.Length; n++) v16.Voxels[n] = (ushort)(n * 863);
        Png.Write(v8, tmp.File("a.png"));
        Png.Write(v16, tmp.File("b.png"));
        var r = RasterReference.For(false, [tmp.File("a.png"), tmp.File("b.png")]);
        var a = r[tmp.File("a.png")]; var b = r[tmp.File("b.png")];
        Assert.Equal((0, 8, 23, 5), (a.ColorType, a.BitDepth, a.Width, a.Height));
        Assert.Equal((0, 16, 19, 4), (b.ColorType, b.BitDepth, b.Width, b.Height));
        Assert.Equal(v8.Voxels.Sum(x => (long)x), a.Sum);
        Assert.Equal(v16.Voxels.Sum(x => (long)x), b.Sum);
        Assert.Equal(v16.Voxels.Take(19).Select(x => (int)x), b.FirstRow);
    }

    [Fact]
    public void NonNegativeInt16IsStoredAsSixteenBitGrey()
    {
        var v = new Volume<short>(ImageGeometry.Simple(3, 2, 1), [0, 1, 300, 32767, 5, 6]);
        var back = Assert.IsType<Volume<ushort>>(RoundTrip(v)); // PNG has no signed samples: it comes back unsigned
        Assert.Equal(new ushort[] { 0, 1, 300, 32767, 5, 6 }, back.Voxels);
    }

    [Fact]
    public void PixelSpacingComesFromTheOptions()
    {
        var v = new Volume<byte>(ImageGeometry.Simple(4, 3, 1));
        var g = RoundTrip(v, new ReadOptions { PixelSpacing = (0.8, 0.5) }).Geometry;
        // (row, column) spacing: rows are j, so Spacing.Y = row spacing and Spacing.X = column spacing.
        Assert.Equal(new ImageGeometry(4, 3, 1, new Vec3(0.5, 0.8, 1), Vec3.Zero, Matrix3.Identity), g);
        Assert.Equal(new Vec3(1, 1, 1), RoundTrip(v).Geometry.Spacing);
    }

    [Fact]
    public void UnstorableVolumesAreRefusedWithTheReason()
    {
        using var tmp = new TempDir();
        var e = Assert.Throws<ImageFormatException>(() => Png.Write(new Volume<float>(ImageGeometry.Simple(2, 2, 1)), tmp.File("f.png")));
        Assert.Contains("Float32", e.Reason);
        e = Assert.Throws<ImageFormatException>(() => Png.Write(new Volume<short>(ImageGeometry.Simple(2, 1, 1), [3, -1]), tmp.File("n.png")));
        Assert.Contains("negative", e.Reason);
        e = Assert.Throws<ImageFormatException>(() => Png.Write(new Volume<byte>(ImageGeometry.Simple(2, 2, 3)), tmp.File("k.png")));
        Assert.Contains("one slice", e.Reason);
        Assert.Throws<ImageFormatException>(() => Png.Write(new Volume<int>(ImageGeometry.Simple(2, 2, 1)), tmp.File("i.png")));
        Assert.Throws<ImageFormatException>(() => Jpeg.Write(new Volume<byte>(ImageGeometry.Simple(2, 2, 1)), tmp.File("j.jpg")));
    }

    [Fact]
    public void PureColoursMapToBt709Weights()
    {
        // Colour PNGs made with ImageSharp's encoder as input; expected greys from ITU-R BT.709: 0.2126 R + 0.7152 G + 0.0722 B.
        using var tmp = new TempDir();
        using (var rgb = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(3, 1))
        {
            rgb[0, 0] = new(255, 0, 0); rgb[1, 0] = new(0, 255, 0); rgb[2, 0] = new(0, 0, 255);
            rgb.Save(tmp.File("rgb8.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder { ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Rgb });
        }
        using (var rgb = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb48>(3, 1))
        {
            rgb[0, 0] = new(65535, 0, 0); rgb[1, 0] = new(0, 65535, 0); rgb[2, 0] = new(0, 0, 65535);
            rgb.Save(tmp.File("rgb16.png"), new SixLabors.ImageSharp.Formats.Png.PngEncoder { BitDepth = SixLabors.ImageSharp.Formats.Png.PngBitDepth.Bit16, ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Rgb });
        }
        var v8 = Assert.IsType<Volume<byte>>(Png.Read(tmp.File("rgb8.png"), ReadOptions.Default));
        var v16 = Assert.IsType<Volume<ushort>>(Png.Read(tmp.File("rgb16.png"), ReadOptions.Default));
        double[] w = [0.2126, 0.7152, 0.0722];
        for (var i = 0; i < 3; i++)
        {
            // +-1 grey level: float32 weights and rounding in the decoder's conversion.
            Assert.InRange(v8.Voxels[i], Math.Round(255 * w[i]) - 1, Math.Round(255 * w[i]) + 1);
            Assert.InRange(v16.Voxels[i], Math.Round(65535 * w[i]) - 1, Math.Round(65535 * w[i]) + 1);
        }
    }

    [DataFact]
    public void SpiderMidsagittalSizesMatchTheirIhdr()
    {
        Assert.NotNull(PeerPython.Plain);
        var files = Directory.GetFiles(SharedData.Path("spider", "midsag"), "*.png").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var reference = RasterReference.For(true, files);
        foreach (var f in files)
        {
            var v = Png.Read(f, new ReadOptions { PixelSpacing = (0.6, 0.7) });
            Assert.Equal((reference[f].Width, reference[f].Height), (v.Geometry.SizeI, v.Geometry.SizeJ));
            Assert.Equal(VoxelType.UInt8, v.VoxelType);
            Assert.Equal(new Vec3(0.7, 0.6, 1), v.Geometry.Spacing);
        }
    }

    [DataFact]
    public void SpiderPixelsMatchAnIndependentDecoder()
    {
        Assert.NotNull(PeerPython.Plain);
        var files = Directory.GetFiles(SharedData.Path("spider", "midsag"), "*.png").Order(StringComparer.Ordinal).Take(3).ToArray();
        var reference = RasterReference.For(false, files);
        foreach (var f in files)
        {
            var r = reference[f];
            var v = Assert.IsType<Volume<byte>>(Png.Read(f, ReadOptions.Default));
            Assert.Equal(r.Sum, v.Voxels.Sum(x => (long)x)); // exact: lossless 8-bit grey
            Assert.Equal(r.FirstRow, v.Voxels.Take(v.SizeI).Select(x => (int)x));
        }
    }

    [DataFact]
    public void ColourPngBecomesBt709Luminance()
    {
        Assert.NotNull(PeerPython.Plain);
        var f = SharedData.Path("dicom", "dcmqi", "data", "segmentations", "24x38x3", "screenshots", "slicer.png");
        Assert.True(File.Exists(f), f);
        var r = RasterReference.For(false, [f])[f];
        Assert.Equal(6, r.ColorType); // RGBA
        var v = Assert.IsType<Volume<byte>>(Png.Read(f, ReadOptions.Default));
        Assert.Equal((r.Width, r.Height), (v.SizeI, v.SizeJ));
        // +-1 per pixel: ImageSharp weighs with float32 BT.709 coefficients, the reference with float64; a value
        // near .5 can round either way, never by more than one grey level.
        for (var x = 0; x < v.SizeI; x++) Assert.InRange(v.Voxels[x] - r.FirstRow![x], -1, 1);
        Assert.InRange(v.Voxels.Sum(x => (long)x) - r.Sum!.Value, -v.Length, v.Length);
        Assert.InRange(Math.Abs(v.Voxels.Sum(x => (long)x) - r.Sum!.Value), 0, v.Length / 100); // and rarely: under 1% of pixels
    }

    [DataFact]
    public void RealJpegSizeMatchesItsSofMarker()
    {
        Assert.NotNull(PeerPython.Plain);
        var f = Directory.GetFiles(SharedData.Path("aasce"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var r = RasterReference.For(true, [f])[f];
        var v = Jpeg.Read(f, ReadOptions.Default);
        Assert.Equal((r.Width, r.Height, 1), (v.Geometry.SizeI, v.Geometry.SizeJ, v.Geometry.SizeK));
        Assert.Equal(VoxelType.UInt8, v.VoxelType);
    }

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "empty", [] },
        { "noise", FileBytes.Noise(500) },
        { "signature only", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a] },
        { "signature then junk", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, .. FileBytes.Noise(200)] },
        { "IHDR claiming 100000 x 100000", HugeIhdr(100000, 100000) },
        { "IHDR claiming zero width", HugeIhdr(0, 10) },
        { "truncated written PNG", WrittenPng().Cut(WrittenPng().Length / 2) },
        { "corrupt IDAT", CorruptIdat() },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenPngsAreRefused(string what, byte[] bytes)
    {
        using var tmp = new TempDir();
        var path = tmp.File("bad.png");
        File.WriteAllBytes(path, bytes);
        var e = VolumeAssert.Refuses(() => Png.Read(path, ReadOptions.Default), path, 32L << 20);
        Assert.False(string.IsNullOrEmpty(e.Reason), what);
    }

    [Fact]
    public void ADecompressionBombHeaderIsRefusedBeforeDecoding()
    {
        using var tmp = new TempDir();
        var path = tmp.File("bomb.png");
        File.WriteAllBytes(path, HugeIhdr(100000, 100000));
        var e = VolumeAssert.Refuses(() => Png.Read(path, ReadOptions.Default), path, 8L << 20);
        Assert.Contains("more than", e.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(-1)]
    public void BrokenJpegsAreRefused(int keep)
    {
        using var tmp = new TempDir();
        var path = tmp.File("bad.jpg");
        var jpeg = WrittenJpeg();
        byte[] bytes = keep == 100 ? [0xFF, 0xD8, 0xFF, .. FileBytes.Noise(97)] : jpeg.Cut(keep < 0 ? jpeg.Length / 2 : keep);
        File.WriteAllBytes(path, bytes);
        VolumeAssert.Refuses(() => Jpeg.Read(path, ReadOptions.Default), path, 32L << 20);
    }

    [DataFact]
    public void TruncationsOfARealPngAreRefused()
    {
        var f = Directory.GetFiles(SharedData.Path("spider", "midsag"), "*.png").Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(f);
        using var tmp = new TempDir();
        foreach (var keep in new[] { 1, 8, 20, 33, 100, bytes.Length / 2, bytes.Length - 20 })
        {
            var path = tmp.File($"cut{keep}.png");
            File.WriteAllBytes(path, bytes.Cut(keep));
            VolumeAssert.Refuses(() => Png.Read(path, ReadOptions.Default), path, 32L << 20);
        }
    }

    [Fact]
    public void DetectsSignatures()
    {
        Assert.True(Png.Detect(WrittenPng()));
        Assert.True(Jpeg.Detect(WrittenJpeg()));
        Assert.False(Png.Detect(WrittenJpeg()));
    }

    private static byte[] WrittenPng()
    {
        using var tmp = new TempDir();
        var v = new Volume<byte>(ImageGeometry.Simple(40, 30, 1));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (byte)(n * 31 % 251);
        Png.Write(v, tmp.File("w.png"));
        return File.ReadAllBytes(tmp.File("w.png"));
    }

    private static byte[] WrittenJpeg()
    {
        // Made with ImageSharp's encoder (DiscScope itself writes no JPEG); only used as input to break.
        var noise = FileBytes.Noise(64 * 48);
        using var img = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(noise, 64, 48);
        using var ms = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(img, ms);
        return ms.ToArray();
    }

    private static byte[] CorruptIdat()
    {
        var b = WrittenPng();
        // Flip bytes in the middle of the first IDAT's compressed data (after signature 8 + IHDR 25 + IDAT header 8 + 10).
        for (var i = 51; i < 71 && i < b.Length - 12; i++) b[i] ^= 0x5A;
        return b;
    }

    /// <summary>A PNG whose IHDR (with a correct CRC) declares the given size, followed by a tiny IDAT and IEND.</summary>
    private static byte[] HugeIhdr(int width, int height)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, interlace 0
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IDAT", [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        byte[] body = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        s.Write(body);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        s.Write(crc);
    }

    /// <summary>CRC-32 (ISO 3309, polynomial 0xEDB88320) as the PNG specification defines it for chunks.</summary>
    private static uint Crc32(byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    }
}
