using System.IO.Compression;
using System.Text;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.MetaImage;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.MetaImage;

/// <summary>Broken, lying and hostile MetaImage files: always <see cref="ImageFormatException"/> with the file and a reason.</summary>
public class MetaImageBadInputTests
{
    private static readonly MetaImageFormat Meta = new();

    private const string Good = "ObjectType = Image\nNDims = 3\nDimSize = 4 3 2\nElementType = MET_SHORT\n";

    private static byte[] Mha(string header, int dataBytes = 48) => [.. Encoding.ASCII.GetBytes(header), .. new byte[dataBytes]];

    private static byte[] Zlib(byte[] b)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest)) z.Write(b);
        return ms.ToArray();
    }

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "empty", [] },
        { "binary noise", FileBytes.Noise(300) },
        { "no ElementDataFile", Mha(Good) },
        { "line without =", Mha("ObjectType = Image\nhello\n" + "ElementDataFile = LOCAL\n") },
        { "NDims missing", Mha("DimSize = 4 3 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "NDims 4", Mha("NDims = 4\nDimSize = 4 3 2 1\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "NDims 1", Mha("NDims = 1\nDimSize = 4\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "NDims not a number", Mha("NDims = three\nDimSize = 4 3 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize missing", Mha("NDims = 3\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize count", Mha("NDims = 3\nDimSize = 4 3\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize negative", Mha("NDims = 3\nDimSize = 4 -3 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize zero", Mha("NDims = 3\nDimSize = 4 0 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize overflow", Mha("NDims = 3\nDimSize = 99999999999 99999999999 99999999999\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize not integer", Mha("NDims = 3\nDimSize = 4 3.5 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "DimSize larger than the file", Mha("NDims = 3\nDimSize = 1000 1000 1000\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "ElementType missing", Mha("NDims = 3\nDimSize = 4 3 2\nElementDataFile = LOCAL\n") },
        { "ElementType unknown", Mha("NDims = 3\nDimSize = 4 3 2\nElementType = MET_COMPLEX\nElementDataFile = LOCAL\n") },
        { "three channels", Mha(Good + "ElementNumberOfChannels = 3\nElementDataFile = LOCAL\n", 144) },
        { "ASCII data", Mha(Good + "BinaryData = False\nElementDataFile = LOCAL\n") },
        { "ObjectType Mesh", Mha("ObjectType = Mesh\nNDims = 3\nDimSize = 4 3 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\n") },
        { "spacing zero", Mha(Good + "ElementSpacing = 1 0 1\nElementDataFile = LOCAL\n") },
        { "spacing NaN", Mha(Good + "ElementSpacing = 1 nan 1\nElementDataFile = LOCAL\n") },
        { "spacing count", Mha(Good + "ElementSpacing = 1 1\nElementDataFile = LOCAL\n") },
        { "offset text", Mha(Good + "Offset = a b c\nElementDataFile = LOCAL\n") },
        { "zero direction", Mha(Good + "TransformMatrix = 0 0 0 0 1 0 0 0 1\nElementDataFile = LOCAL\n") },
        { "bad bool", Mha(Good + "CompressedData = Maybe\nElementDataFile = LOCAL\n") },
        { "data one byte short", Mha(Good + "ElementDataFile = LOCAL\n", 47) },
        { "file list", Mha(Good + "ElementDataFile = LIST\n") },
        { "file pattern", Mha(Good + "ElementDataFile = slice%03d.raw 1 2 1\n") },
        { "missing raw file", Mha(Good + "ElementDataFile = absent.raw\n") },
        { "compressed junk", [.. Encoding.ASCII.GetBytes(Good + "CompressedData = True\nElementDataFile = LOCAL\n"), .. FileBytes.Noise(100)] },
        { "compressed too short", [.. Encoding.ASCII.GetBytes(Good + "CompressedData = True\nElementDataFile = LOCAL\n"), .. Zlib(new byte[20])] },
        { "compressed size past end", [.. Encoding.ASCII.GetBytes(Good + "CompressedData = True\nCompressedDataSize = 9999\nElementDataFile = LOCAL\n"), .. Zlib(new byte[48])] },
        { "compressed size negative", [.. Encoding.ASCII.GetBytes(Good + "CompressedData = True\nCompressedDataSize = -5\nElementDataFile = LOCAL\n"), .. Zlib(new byte[48])] },
        // 2 GB declared behind ~20 bytes of zlib: beyond what deflate can expand to, refused before allocating.
        { "compressed gigabytes claimed", [.. Encoding.ASCII.GetBytes("NDims = 3\nDimSize = 1000 1000 1000\nElementType = MET_SHORT\nCompressedData = True\nElementDataFile = LOCAL\n"), .. Zlib(new byte[48])] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenFilesAreRefused(string what, byte[] bytes)
    {
        using var tmp = new TempDir();
        var path = tmp.File("bad.mha");
        File.WriteAllBytes(path, bytes);
        var e = VolumeAssert.Refuses(() => Meta.Read(path, ReadOptions.Default), path, 16L << 20);
        Assert.False(string.IsNullOrEmpty(e.Reason), what);
    }

    [Fact]
    public void ShortRawFileIsRefusedNamingTheRawFile()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("h.mhd"), Good + "ElementDataFile = h.raw\n");
        File.WriteAllBytes(tmp.File("h.raw"), new byte[47]);
        var e = Assert.Throws<ImageFormatException>(() => Meta.Read(tmp.File("h.mhd"), ReadOptions.Default));
        Assert.EndsWith("h.raw", e.File);
        Assert.Contains("shorter than declared", e.Reason);
    }

    [Theory]
    [InlineData("../outside.raw")]
    [InlineData("sub/../../outside.raw")]
    [InlineData("/etc/passwd")]
    [InlineData("link.raw")]
    [InlineData("linkdir/outside.raw")]
    public void A_data_file_outside_the_headers_folder_is_never_read(string dataFile)
    {
        // A hostile upload must not make the service read another file of its host as voxels: the outside file exists and is big
        // enough, so only the folder check stands between the header and its bytes.
        using var tmp = new TempDir();
        var folder = Directory.CreateDirectory(tmp.File("upload")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllBytes(tmp.File("outside.raw"), new byte[48]);
        File.CreateSymbolicLink(Path.Combine(folder, "link.raw"), tmp.File("outside.raw"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "linkdir"), tmp.Path);
        var header = Path.Combine(folder, "h.mhd");
        File.WriteAllText(header, Good + $"ElementDataFile = {dataFile}\n");
        var e = Assert.Throws<ImageFormatException>(() => Meta.Read(header, ReadOptions.Default));
        Assert.Equal(header, e.File);
        Assert.Contains("points outside the header's folder", e.Reason);
    }

    [Fact]
    public void A_data_file_in_a_subfolder_of_the_header_is_read()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("raw"));
        File.WriteAllBytes(tmp.File(Path.Combine("raw", "h.raw")), Enumerable.Range(0, 48).Select(i => (byte)i).ToArray());
        File.WriteAllText(tmp.File("h.mhd"), Good + "ElementDataFile = raw/h.raw\n");
        var v = Meta.Read(tmp.File("h.mhd"), ReadOptions.Default);
        Assert.Equal(24, v.Length);
        Assert.Equal(23 * 256 + 22, v.GetDouble(11)); // little-endian int16 from bytes 22, 23
    }

    [Fact]
    public void AdlerChecksumIsChecked()
    {
        var z = Zlib(Enumerable.Range(0, 48).Select(i => (byte)i).ToArray());
        z[^1] ^= 0xff; // last byte of the Adler-32 trailer
        using var tmp = new TempDir();
        var path = tmp.File("adler.mha");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(Good + "CompressedData = True\nElementDataFile = LOCAL\n"), .. z]);
        VolumeAssert.Refuses(() => Meta.Read(path, ReadOptions.Default), path);
    }

    // Cuts keep at most length - 16 bytes: the 4-byte Adler-32 trailer and 12 bytes (96 bits) of deflate data, more than
    // the end-of-block code, so voxel data is lost.
    [DataTheory]
    [MemberData(nameof(RealFiles.MetaImageData), MemberType = typeof(RealFiles))]
    public void TruncationsOfRealFilesAreRefused(string relative)
    {
        var bytes = File.ReadAllBytes(RealFiles.Full(relative));
        using var tmp = new TempDir();
        foreach (var keep in new long[] { 0, 1, 50, 200, 400, bytes.Length / 2, bytes.Length - 16 })
        {
            var path = tmp.File($"cut{keep}.mha");
            File.WriteAllBytes(path, bytes.Cut(keep));
            var e = VolumeAssert.Refuses(() => Meta.Read(path, ReadOptions.Default), path, 256L << 20);
            Assert.False(string.IsNullOrEmpty(e.Reason), $"{relative} cut to {keep}");
        }
    }
}
