using System.IO.Compression;
using System.Text;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.MetaImage;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.MetaImage;

/// <summary>MetaImage headers written by hand after the MetaIO documentation, with expectations worked out by hand.</summary>
public class MetaImageFormatTests
{
    private static readonly MetaImageFormat Meta = new();

    private static byte[] Bytes(string header, byte[] data) => [.. Encoding.ASCII.GetBytes(header), .. data];

    private static byte[] Zlib(byte[] b)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest)) z.Write(b);
        return ms.ToArray();
    }

    [Fact]
    public void TransformMatrixValuesComeInDirectionColumns()
    {
        // ITK's MetaImageIO hands values [3c, 3c+1, 3c+2] to SetDirection(c, ...): they are the direction of index axis c.
        using var tmp = new TempDir();
        var header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\nCompressedData = False\n" +
                     "TransformMatrix = 0 1 0 0 0 -1 -1 0 0\nOffset = 10 -20 30.5\nElementSpacing = 0.5 0.75 2\nDimSize = 2 2 2\n" +
                     "ElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
        File.WriteAllBytes(tmp.File("t.mha"), Bytes(header, [1, 2, 3, 4, 5, 6, 7, 8]));
        var v = Meta.Read(tmp.File("t.mha"), ReadOptions.Default);
        var g = v.Geometry;
        Assert.Equal(new Vec3(0, 1, 0), g.Direction.Column(0));
        Assert.Equal(new Vec3(0, 0, -1), g.Direction.Column(1));
        Assert.Equal(new Vec3(-1, 0, 0), g.Direction.Column(2));
        Assert.Equal(new Vec3(10, -20, 30.5), g.Origin);
        // voxel (1, 1, 1): origin + 0.5 * (0,1,0) + 0.75 * (0,0,-1) + 2 * (-1,0,0)
        Assert.Equal(new Vec3(8, -19.5, 29.75), g.IndexToWorld(1, 1, 1));
        Assert.Equal("PIR", Orientation.Code(g.Direction));
        Assert.Equal(8.0, v.GetDouble(7));
    }

    [Fact]
    public void MhdWithBigEndianRawFileAndHeaderSize()
    {
        using var tmp = new TempDir();
        // 2D, MET_SHORT, MSB first, 3 bytes of junk header in the raw file; Position is a synonym of Offset.
        File.WriteAllText(tmp.File("s.mhd"), "NDims = 2\nDimSize = 3 2\nElementSpacing = 0.4 0.6\nPosition = 1 2\nElementType = MET_SHORT\n" +
                                              "BinaryDataByteOrderMSB = True\nHeaderSize = 3\nElementDataFile = s.dat\n");
        File.WriteAllBytes(tmp.File("s.dat"), [9, 9, 9, 0, 1, 1, 0, 0xFF, 0xFE, 0x7F, 0xFF, 0x80, 0x00, 0x12, 0x34]);
        var v = Assert.IsType<Volume<short>>(Meta.Read(tmp.File("s.mhd"), ReadOptions.Default));
        Assert.Equal(new short[] { 1, 256, -2, 32767, -32768, 0x1234 }, v.Voxels);
        Assert.Equal(new ImageGeometry(3, 2, 1, new Vec3(0.4, 0.6, 1), new Vec3(1, 2, 0), Matrix3.Identity), v.Geometry);
    }

    [Fact]
    public void CompressedLocalDataIsInflated()
    {
        using var tmp = new TempDir();
        var raw = new byte[4 * 3 * 2 * 4];
        for (var n = 0; n < 24; n++) BitConverter.GetBytes(n * 1.5f).CopyTo(raw, 4 * n);
        var z = Zlib(raw);
        File.WriteAllBytes(tmp.File("c.mha"), Bytes($"ObjectType = Image\nNDims = 3\nDimSize = 4 3 2\nElementType = MET_FLOAT\nCompressedData = True\nCompressedDataSize = {z.Length}\nElementDataFile = LOCAL\n", z));
        var v = Assert.IsType<Volume<float>>(Meta.Read(tmp.File("c.mha"), ReadOptions.Default));
        Assert.Equal(Enumerable.Range(0, 24).Select(n => n * 1.5f), v.Voxels);
        Assert.Equal(ImageGeometry.Simple(4, 3, 2), v.Geometry);
    }

    [Theory]
    [InlineData("MET_UCHAR", VoxelType.UInt8)]
    [InlineData("MET_CHAR", VoxelType.Int8)]
    [InlineData("MET_USHORT", VoxelType.UInt16)]
    [InlineData("MET_SHORT", VoxelType.Int16)]
    [InlineData("MET_UINT", VoxelType.UInt32)]
    [InlineData("MET_INT", VoxelType.Int32)]
    [InlineData("MET_ULONG", VoxelType.UInt32)]
    [InlineData("MET_LONG", VoxelType.Int32)]
    [InlineData("MET_ULONG_LONG", VoxelType.UInt64)]
    [InlineData("MET_LONG_LONG", VoxelType.Int64)]
    [InlineData("MET_FLOAT", VoxelType.Float32)]
    [InlineData("MET_DOUBLE", VoxelType.Float64)]
    public void ElementTypesMapToVoxelTypes(string elementType, VoxelType expected)
    {
        using var tmp = new TempDir();
        var size = VoxelTypes.SizeOf(expected);
        File.WriteAllBytes(tmp.File("e.mha"), Bytes($"NDims = 3\nDimSize = 2 1 1\nElementType = {elementType}\nElementDataFile = LOCAL\n", new byte[2 * size]));
        Assert.Equal(expected, Meta.Read(tmp.File("e.mha"), ReadOptions.Default).VoxelType);
    }

    [Fact]
    public void WriterMakesCompressedMhaAndMhdWithRaw()
    {
        using var tmp = new TempDir();
        var v = new Volume<ushort>(new ImageGeometry(3, 2, 2, new Vec3(0.5, 0.5, 3), new Vec3(-1, 2, -3), Matrix3.FromColumns(new(0, 1, 0), new(0, 0, -1), new(-1, 0, 0))));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (ushort)(n * 1000);
        Meta.Write(v, tmp.File("w.mha"));
        Meta.Write(v, tmp.File("w.mhd"));
        var mha = File.ReadAllText(tmp.File("w.mha"), Encoding.Latin1);
        Assert.Contains("CompressedData = True\n", mha);
        Assert.Contains("TransformMatrix = 0 1 0 0 0 -1 -1 0 0\n", mha);
        Assert.Contains("ElementType = MET_USHORT\n", mha);
        var mhd = File.ReadAllText(tmp.File("w.mhd"));
        Assert.EndsWith("ElementDataFile = w.raw\n", mhd);
        Assert.Equal(12 * 2, new FileInfo(tmp.File("w.raw")).Length);
        foreach (var f in new[] { "w.mha", "w.mhd" })
        {
            var back = Meta.Read(tmp.File(f), ReadOptions.Default);
            VolumeAssert.SameVoxels(v, back, f);
            VolumeAssert.SameGeometry(v.Geometry, back.Geometry, 0, f); // exact: values are written with round-trip ("R") formatting
        }
    }

    [Fact]
    public void MhdWithoutFinalNewlineAndWithCrLf()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("n.mhd"), "NDims = 3\r\nDimSize = 2 1 1\r\nElementType = MET_UCHAR\r\nElementDataFile = n data.raw");
        File.WriteAllBytes(tmp.File("n data.raw"), [4, 5]); // a data file name with a space is one file, not a pattern
        Assert.Equal(new byte[] { 4, 5 }, Assert.IsType<Volume<byte>>(Meta.Read(tmp.File("n.mhd"), ReadOptions.Default)).Voxels);
    }

    [Fact]
    public void NonAsciiCommentsAreAccepted()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("u.mha"), [.. Encoding.UTF8.GetBytes("ObjectType = Image\nComment = Wirbelsäule 1 µm\nNDims = 2\nDimSize = 2 1\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n"), 7, 9]);
        var v = Assert.IsType<Volume<byte>>(Meta.Read(tmp.File("u.mha"), ReadOptions.Default));
        Assert.Equal(new byte[] { 7, 9 }, v.Voxels);
    }

    [Fact]
    public void DetectsMetaImageHeaders()
    {
        Assert.True(Meta.Detect(Encoding.ASCII.GetBytes("ObjectType = Image\nNDims = 3\n")));
        Assert.True(Meta.Detect(Encoding.ASCII.GetBytes("NDims = 3\n")));
        Assert.False(Meta.Detect(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }
}
