using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.Nifti;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Nifti;

/// <summary>NIfTI header handling with expectations worked out by hand from nifti1.h.</summary>
public class NiftiFormatTests
{
    private static readonly NiftiFormat Nifti = new();
    private const int Dim = 40, PixDim = 76, VoxOffset = 108, SclSlope = 112, SclInter = 116, QformCode = 252, SformCode = 254, Magic = 344;

    private static Volume<short> Ramp(ImageGeometry g)
    {
        var v = new Volume<short>(g);
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (short)(n - 10);
        return v;
    }

    private static IVolume ReadPatched(byte[] bytes)
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("p.nii"), bytes);
        return Nifti.Read(tmp.File("p.nii"), ReadOptions.Default);
    }

    private static byte[] Written(IVolume v, string name = "w.nii")
    {
        using var tmp = new TempDir();
        Nifti.Write(v, tmp.File(name));
        return File.ReadAllBytes(tmp.File(name));
    }

    [Fact]
    public void WriterSetsTheSingleFileHeaderFields()
    {
        var b = Written(Ramp(ImageGeometry.Simple(4, 3, 2, 0.5, 0.6, 0.7)));
        Assert.Equal(348, BitConverter.ToInt32(b, 0));
        Assert.Equal("n+1\0", System.Text.Encoding.ASCII.GetString(b, Magic, 4));
        Assert.Equal(352f, BitConverter.ToSingle(b, VoxOffset));
        Assert.Equal(1, BitConverter.ToInt16(b, QformCode));
        Assert.Equal(1, BitConverter.ToInt16(b, SformCode));
        Assert.Equal(4, BitConverter.ToInt16(b, 70)); // DT_INT16
        Assert.Equal(16, BitConverter.ToInt16(b, 72));
        Assert.Equal(352 + 4 * 3 * 2 * 2, b.Length);
        Assert.Equal(new float[] { 0.5f, 0.6f, 0.7f }, new[] { BitConverter.ToSingle(b, PixDim + 4), BitConverter.ToSingle(b, PixDim + 8), BitConverter.ToSingle(b, PixDim + 12) });
    }

    [Fact]
    public void QformAloneGivesTheSameGeometryAsTheSform()
    {
        // An oblique, left-handed grid: with sform_code set to 0 the reader must rebuild it from quaternion and qfac.
        var c = Math.Cos(0.3); var s = Math.Sin(0.3);
        var g = new ImageGeometry(4, 3, 2, new Vec3(0.7, 0.8, 2.5), new Vec3(5, -6, 7), Matrix3.FromColumns(new(c, 0, s), new(0, 1, 0), new(s, 0, -c)));
        Assert.True(g.Direction.Determinant < 0);
        var b = Written(Ramp(g)).I16(SformCode, 0);
        var read = ReadPatched(b);
        // 1e-6: the quaternion is stored as float32, so the rebuilt rotation is off by ~1e-7 times spacing.
        VolumeAssert.SameGeometry(g, read.Geometry, 1e-6, "qform only");
    }

    [Fact]
    public void WithoutQformOrSformPixdimScalesTheRasAxes()
    {
        // nifti1.h method 1: x = pixdim[1] * i, y = pixdim[2] * j, z = pixdim[3] * k in RAS, so LPS direction diag(-1, -1, 1), origin 0.
        var b = Written(Ramp(new ImageGeometry(4, 3, 2, new Vec3(0.5, 0.6, 3), new Vec3(9, 9, 9), Matrix3.Identity))).I16(SformCode, 0).I16(QformCode, 0);
        var g = ReadPatched(b).Geometry;
        var expected = new ImageGeometry(4, 3, 2, new Vec3(0.5, 0.6, 3), Vec3.Zero, Matrix3.FromColumns(new(-1, 0, 0), new(0, -1, 0), new(0, 0, 1)));
        VolumeAssert.SameGeometry(expected, g, 1e-6, "pixdim"); // 1e-6: 0.6 stored as float32 is 0.6 +- 2.4e-8
    }

    [Fact]
    public void SlopeAndInterceptAreApplied()
    {
        var v = Ramp(ImageGeometry.Simple(4, 3, 2));
        var read = ReadPatched(Written(v).F32(SclSlope, 0.5f).F32(SclInter, -3f));
        var f = Assert.IsType<Volume<float>>(read);
        for (var n = 0; n < v.Voxels.Length; n++) Assert.Equal(v.Voxels[n] * 0.5f - 3f, f.Voxels[n]);

        var wide = new Volume<int>(ImageGeometry.Simple(2, 2, 1), [1, 2, 100000001, -7]);
        var d = Assert.IsType<Volume<double>>(ReadPatched(Written(wide).F32(SclSlope, 2f).F32(SclInter, 0.5f)));
        Assert.Equal(new[] { 2.5, 4.5, 200000002.5, -13.5 }, d.Voxels);
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(float.NaN, float.NaN)]
    [InlineData(1f, 0f)]
    [InlineData(float.PositiveInfinity, 1f)]
    public void NeutralScalingKeepsTheStoredType(float slope, float inter)
    {
        var v = Ramp(ImageGeometry.Simple(4, 3, 2));
        var read = ReadPatched(Written(v).F32(SclSlope, slope).F32(SclInter, inter));
        VolumeAssert.SameVoxels(v, read, $"slope {slope} inter {inter}");
    }

    [Fact]
    public void FurtherDimensionsOfSizeOneAreAccepted()
    {
        var v = Ramp(ImageGeometry.Simple(4, 3, 2));
        var read = ReadPatched(Written(v).I16(Dim, 5).I16(Dim + 8, 1).I16(Dim + 10, 1));
        VolumeAssert.SameVoxels(v, read, "5D with size-1 tail");
    }

    [Fact]
    public void TwoDimensionalFilesAreOneSlice()
    {
        var v = Ramp(ImageGeometry.Simple(4, 6, 1));
        var read = ReadPatched(Written(v).I16(Dim, 2));
        VolumeAssert.SameVoxels(v, read, "2D");
        Assert.Equal(1, read.Geometry.SizeK);
    }

    [Fact]
    public void BigEndianFilesAreSwapped()
    {
        // Build a big-endian file by hand: every multi-byte header field and voxel reversed, as nifti1.h allows.
        var v = new Volume<short>(ImageGeometry.Simple(2, 2, 1, 0.5, 0.5, 1), [1, 256, -2, 0x1234]);
        var le = Written(v);
        var be = (byte[])le.Clone();
        void Rev(int at, int size) => Array.Reverse(be, at, size);
        Rev(0, 4);
        for (var i = 0; i < 8; i++) Rev(Dim + 2 * i, 2);
        Rev(70, 2); Rev(72, 2);
        for (var i = 0; i < 8; i++) Rev(PixDim + 4 * i, 4);
        Rev(VoxOffset, 4); Rev(SclSlope, 4); Rev(SclInter, 4);
        Rev(QformCode, 2); Rev(SformCode, 2);
        for (var i = 0; i < 18; i++) Rev(256 + 4 * i, 4);
        for (var n = 0; n < 4; n++) Rev(352 + 2 * n, 2);
        var read = ReadPatched(be);
        VolumeAssert.SameVoxels(v, read, "big-endian");
        VolumeAssert.SameGeometry(v.Geometry, read.Geometry, 1e-9, "big-endian"); // exact: 0.5 and 1 are float32-exact
    }

    [Fact]
    public void ExtensionsBeforeTheDataAreSkipped()
    {
        // vox_offset 368: the extension flag (1) and a 16-byte extension (esize 16, ecode 0) sit between header and voxels.
        var v = Ramp(ImageGeometry.Simple(4, 3, 2));
        var b = Written(v);
        var ext = new byte[] { 1, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0, 0, 0, 0, 0 };
        var withExt = b[..348].Concat(ext).Concat(b[352..]).ToArray().F32(VoxOffset, 368);
        VolumeAssert.SameVoxels(v, ReadPatched(withExt), "extension");
    }

    [Fact]
    public void GzipCrcIsChecked()
    {
        using var tmp = new TempDir();
        var v = Ramp(ImageGeometry.Simple(4, 3, 2));
        Nifti.Write(v, tmp.File("v.nii.gz"));
        var b = File.ReadAllBytes(tmp.File("v.nii.gz"));
        b[^6] ^= 0xff; // inside the CRC-32 of the gzip trailer
        File.WriteAllBytes(tmp.File("crc.nii.gz"), b);
        VolumeAssert.Refuses(() => Nifti.Read(tmp.File("crc.nii.gz"), ReadOptions.Default), tmp.File("crc.nii.gz"));
    }

    [Fact]
    public void WritingTooLargeForSixteenBitDimsIsRefused()
    {
        using var tmp = new TempDir();
        var v = new Volume<byte>(ImageGeometry.Simple(40000, 1, 1));
        var e = Assert.Throws<ImageFormatException>(() => Nifti.Write(v, tmp.File("big.nii")));
        Assert.Contains("16-bit", e.Reason);
    }

    [Fact]
    public void DetectsUncompressedNifti()
    {
        Assert.True(Nifti.Detect(Written(Ramp(ImageGeometry.Simple(2, 2, 2)))));
        Assert.False(Nifti.Detect(new byte[400]));
    }
}
