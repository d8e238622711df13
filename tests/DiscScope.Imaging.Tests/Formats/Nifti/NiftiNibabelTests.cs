using DiscScope.Imaging.Formats.Nifti;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Nifti;

/// <summary>DiscScope's NIfTI reader and writer against nibabel, the peer: affines (RAS), shapes, dtypes and voxel sums.</summary>
public class NiftiNibabelTests
{
    private static readonly NiftiFormat Nifti = new();

    // Affine tolerance 1e-5 (mm, and mm per index for the rotation part): both sides start from the same float32 header
    // fields, so only double rounding (~1e-13) and, for the qform, the quaternion-to-matrix arithmetic (~1e-7 of float32
    // inputs) separate them; 1e-5 leaves room for both while still catching any sign, axis or offset mistake (>= 1e-3).
    private const double AffineTolerance = 1e-5;

    // Sum tolerance 1e-9 relative to the sum of magnitudes: both sides add the same float64 values, only in a different
    // order (nibabel pairwise, DiscScope sequentially), so they can differ by about n * 2^-53 of that scale (< 1e-9 here).
    private const double SumTolerance = 1e-9;

    private static readonly Lazy<Dictionary<string, NibabelReference>> RealReference =
        new(() => NibabelReference.For(RealFiles.Niftis.Select(RealFiles.Full)));

    [NibabelDataTheory]
    [MemberData(nameof(RealFiles.NiftiData), MemberType = typeof(RealFiles))]
    public void RealFilesMatchNibabel(string relative)
    {
        var path = RealFiles.Full(relative);
        var reference = RealReference.Value[path];
        if (reference.Error is not null)
        {
            // nibabel cannot give scalar voxels either (RGB24); DiscScope must refuse the file with ImageFormatException.
            Assert.True(RealFiles.IsRgb(relative), $"nibabel failed on {relative}: {reference.Error}");
            VolumeAssert.Refuses(() => Nifti.Read(path, Imaging.Formats.ReadOptions.Default), path);
            return;
        }
        Compare(reference, Nifti.Read(path, Imaging.Formats.ReadOptions.Default), relative);
    }

    [NibabelFact]
    public void NibabelMadeHeaderVariantsMatch()
    {
        // nibabel writes files exercising qform-only (rotation, qfac -1), sform over qform, big-endian, scaling, every dtype, 2D.
        using var tmp = new TempDir();
        var python = PeerPython.Nibabel!;
        var names = PeerTool.RunOk(python, PeerPython.Tool("nibabel_reference.py"), "make", tmp.Path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(names.Length >= 17, $"the script made only {names.Length} files");
        var reference = NibabelReference.For(names.Select(tmp.File));
        foreach (var n in names)
        {
            var r = reference[tmp.File(n)];
            Assert.Null(r.Error);
            Compare(r, Nifti.Read(tmp.File(n), Imaging.Formats.ReadOptions.Default), n);
        }
    }

    [NibabelFact]
    public void FilesWrittenByDiscScopeReadInNibabelWithTheSameAffine()
    {
        using var tmp = new TempDir();
        var c = Math.Cos(0.4); var s = Math.Sin(0.4);
        // Geometry values stay below 64 in magnitude so float32 storage (2^-24 relative) rounds them by under 4e-6.
        var cases = new (string Name, IVolume Volume)[]
        {
            ("identity.nii", Ramp<short>(ImageGeometry.Simple(6, 5, 4, 0.5, 0.75, 2.5))),
            ("oblique.nii.gz", Ramp<float>(new ImageGeometry(5, 4, 3, new Vec3(0.8, 0.9, 3.1), new Vec3(-12.5, 33.25, -7),
                Matrix3.FromColumns(new(c, s, 0), new(-s * 0.96, c * 0.96, 0.28), new(0.28 * s, -0.28 * c, 0.96))))),
            ("left_handed.nii", Ramp<byte>(new ImageGeometry(4, 4, 3, new Vec3(1, 1, 2), new Vec3(10, 20, 30),
                Matrix3.FromColumns(new(0, 1, 0), new(0, 0, -1), new(-1, 0, 0))))),
            ("sagittal_lps.nii", Ramp<ushort>(new ImageGeometry(4, 5, 3, new Vec3(0.6, 0.6, 4), new Vec3(-50, -60, 40),
                Matrix3.FromColumns(new(0, 1, 0), new(0, 0, -1), new(1, 0, 0))))),
            ("one_slice.nii", Ramp<double>(ImageGeometry.Simple(7, 3, 1, 0.3, 0.3, 1))),
            ("int64.nii", Ramp<long>(ImageGeometry.Simple(3, 3, 3))),
        };
        foreach (var (name, volume) in cases) Nifti.Write(volume, tmp.File(name));
        var reference = NibabelReference.For(cases.Select(x => tmp.File(x.Name)));
        foreach (var (name, volume) in cases)
        {
            var r = reference[tmp.File(name)];
            Assert.Null(r.Error);
            Assert.Equal(1, r.SformCode);
            Assert.Equal(1, r.QformCode);
            var ras = VolumeAssert.RasAffine(volume.Geometry);
            // Both transforms must agree with the geometry: sform exactly, qform through its quaternion and qfac.
            Assert.True(VolumeAssert.MaxAffineDifference(ras, r.Sform!) <= AffineTolerance, $"{name}: sform differs");
            Assert.True(VolumeAssert.MaxAffineDifference(ras, r.Qform!) <= AffineTolerance, $"{name}: qform differs");
            Assert.Equal(NumpyName(volume.VoxelType), r.Dtype);
            Assert.True(Math.Abs(VolumeAssert.Sum(volume) - r.Sum) <= SumTolerance * Math.Max(1, r.SumAbs), $"{name}: sum");
        }
    }

    private static void Compare(NibabelReference r, IVolume v, string name)
    {
        var g = v.Geometry;
        var shape = r.Shape.Concat(Enumerable.Repeat(1, 3)).Take(3).ToArray();
        Assert.Equal(shape, new[] { g.SizeI, g.SizeJ, g.SizeK });
        var d = VolumeAssert.MaxAffineDifference(VolumeAssert.RasAffine(g), r.Affine);
        Assert.True(d <= AffineTolerance, $"{name}: affine differs from nibabel's by {d}");
        var sum = VolumeAssert.Sum(v);
        Assert.True(Math.Abs(sum - r.Sum) <= SumTolerance * Math.Max(1, r.SumAbs), $"{name}: sum {sum:R}, nibabel {r.Sum:R}");
    }

    private static string NumpyName(VoxelType t) => t switch
    {
        VoxelType.UInt8 => "uint8", VoxelType.Int8 => "int8", VoxelType.UInt16 => "uint16", VoxelType.Int16 => "int16",
        VoxelType.UInt32 => "uint32", VoxelType.Int32 => "int32", VoxelType.UInt64 => "uint64", VoxelType.Int64 => "int64",
        VoxelType.Float32 => "float32", _ => "float64",
    };

    private static Volume<T> Ramp<T>(ImageGeometry g) where T : unmanaged, System.Numerics.INumber<T>
    {
        var v = new Volume<T>(g);
        for (var n = 0; n < v.Voxels.Length; n++) v.Voxels[n] = T.CreateTruncating(n % 200);
        return v;
    }
}
