using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.Nifti;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Nifti;

/// <summary>Broken, lying and hostile NIfTI files: always <see cref="ImageFormatException"/> with the file and a reason, no big allocation.</summary>
public class NiftiBadInputTests
{
    private static readonly NiftiFormat Nifti = new();

    // nifti1.h offsets
    private const int Dim = 40, DataType = 70, PixDim = 76, VoxOffset = 108, QformCode = 252, SformCode = 254, SrowX = 280, Magic = 344;

    /// <summary>A valid little-endian 4x3x2 int16 file written by DiscScope, as bytes to break.</summary>
    private static byte[] Valid()
    {
        using var tmp = new TempDir();
        var v = new Volume<short>(Imaging.Geometry.ImageGeometry.Simple(4, 3, 2));
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = (short)n;
        Nifti.Write(v, tmp.File("v.nii"));
        return File.ReadAllBytes(tmp.File("v.nii"));
    }

    private static ImageFormatException Refused(byte[] bytes, string name = "bad.nii", long maxAllocated = 16L << 20)
    {
        using var tmp = new TempDir();
        var path = tmp.File(name);
        File.WriteAllBytes(path, bytes);
        return VolumeAssert.Refuses(() => Nifti.Read(path, ReadOptions.Default), path, maxAllocated);
    }

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "empty", [] },
        { "short header", Valid().Cut(100) },
        { "not NIfTI at all", FileBytes.Noise(600) },
        { "wrong magic", Valid().Ascii(Magic, "abc") },
        { "two-file magic ni1", Valid().Ascii(Magic, "ni1") },
        { "NIfTI-2 sizeof_hdr", Valid().I32(0, 540) },
        { "dim[0] = 0", Valid().I16(Dim, 0) },
        { "dim[0] = 9", Valid().I16(Dim, 9) },
        { "negative dim", Valid().I16(Dim + 4, -5) },
        { "zero dim", Valid().I16(Dim + 2, 0) },
        { "true 4D", Valid().I16(Dim, 4).I16(Dim + 8, 3) },
        { "RGB24 datatype", Valid().I16(DataType, 128) },
        { "complex datatype", Valid().I16(DataType, 32) },
        { "unknown datatype", Valid().I16(DataType, 9999) },
        { "vox_offset NaN", Valid().F32(VoxOffset, float.NaN) },
        { "vox_offset inside header", Valid().F32(VoxOffset, 100) },
        { "vox_offset fractional", Valid().F32(VoxOffset, 352.5f) },
        { "vox_offset past end", Valid().F32(VoxOffset, 1e9f) },
        { "dims overflow the limit", Valid().I16(Dim + 2, 32767).I16(Dim + 4, 32767).I16(Dim + 6, 32767).I16(DataType, 64) },
        { "dims larger than the file", Valid().I16(Dim + 2, 1000).I16(Dim + 4, 1000).I16(Dim + 6, 1000) },
        { "data one byte short", Valid()[..^1] },
        { "zero-length sform column", Valid().F32(SrowX, 0).F32(SrowX + 16, 0).F32(SrowX + 32, 0) },
        { "infinite sform", Valid().F32(SrowX + 12, float.PositiveInfinity) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenFilesAreRefused(string what, byte[] bytes)
    {
        var e = Refused(bytes);
        Assert.False(string.IsNullOrEmpty(e.Reason), what);
    }

    [Fact]
    public void ReasonsNameTheProblemAndOffset()
    {
        var e = Refused(Valid().I16(Dim, 4).I16(Dim + 8, 3));
        Assert.Contains("4D", e.Reason);
        Assert.Equal(Dim + 8, e.Offset);
        e = Refused(Valid()[..^1]);
        Assert.Contains("shorter than declared", e.Reason);
        e = Refused(Valid().I16(DataType, 128));
        Assert.Contains("RGB24", e.Reason);
        Assert.Equal(DataType, e.Offset);
    }

    public static TheoryData<string, byte[]> BrokenGzip() => new()
    {
        { "gzip magic then junk", [0x1f, 0x8b, .. FileBytes.Noise(500)] },
        { "gzip cut in half", FileBytes.Gzip(Valid()).Cut(FileBytes.Gzip(Valid()).Length / 2) },
        { "gzip of a header only", FileBytes.Gzip(Valid().Cut(352)) },
        { "gzip of a short header", FileBytes.Gzip(Valid().Cut(200)) },
        // 1000^3 bytes declared inside a gzip of a few hundred bytes: more than deflate can expand to, refused before allocating.
        { "gzip declaring a gigabyte", FileBytes.Gzip(Valid().I16(Dim + 2, 1000).I16(Dim + 4, 1000).I16(Dim + 6, 1000).I16(DataType, 2)) },
    };

    [Theory]
    [MemberData(nameof(BrokenGzip))]
    public void BrokenGzipFilesAreRefused(string what, byte[] bytes)
    {
        var e = Refused(bytes, "bad.nii.gz");
        Assert.False(string.IsNullOrEmpty(e.Reason), what);
    }

    [Fact]
    public void AGigabyteClaimInATinyGzipIsRefusedByTheRatioBound()
    {
        var e = Refused(FileBytes.Gzip(Valid().I16(Dim + 2, 1000).I16(Dim + 4, 1000).I16(Dim + 6, 1000).I16(DataType, 2)), "bad.nii.gz", 1 << 20);
        Assert.Contains("expand", e.Reason);
    }

    [Fact]
    public void MissingFileIsAnImageFormatException()
    {
        using var tmp = new TempDir();
        VolumeAssert.Refuses(() => Nifti.Read(tmp.File("absent.nii"), ReadOptions.Default), tmp.File("absent.nii"));
    }

    // Cuts keep at most length - 16 bytes: that removes the 8-byte gzip trailer and 8 bytes (64 bits) of deflate data, more
    // than the end-of-block code, so voxel data is lost. A cut inside the trailer alone leaves complete voxels that .NET
    // decodes without complaint (a documented limit).
    [DataTheory]
    [MemberData(nameof(RealFiles.NiftiData), MemberType = typeof(RealFiles))]
    public void TruncationsOfRealFilesAreRefused(string relative)
    {
        var bytes = File.ReadAllBytes(RealFiles.Full(relative));
        foreach (var keep in new long[] { 0, 1, 10, 100, bytes.Length / 10, bytes.Length / 2, bytes.Length - 16 })
        {
            var e = Refused(bytes.Cut(keep), "cut.nii.gz", 256L << 20);
            Assert.False(string.IsNullOrEmpty(e.Reason), $"{relative} cut to {keep}");
        }
    }

    [Fact]
    public void PixdimAndSformFieldsAreAtTheirSpecOffsets()
    {
        // Guards the offsets used above against the header the writer makes: pixdim[1..3] = spacing, sform_code = qform_code = 1.
        var b = Valid();
        Assert.Equal(1f, BitConverter.ToSingle(b, PixDim + 4));
        Assert.Equal(1, BitConverter.ToInt16(b, QformCode));
        Assert.Equal(1, BitConverter.ToInt16(b, SformCode));
    }
}
