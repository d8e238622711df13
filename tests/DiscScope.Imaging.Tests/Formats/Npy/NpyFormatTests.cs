using System.Globalization;
using System.Text;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.Npy;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.Npy;

/// <summary>.npy against numpy: files numpy writes read the same in DiscScope, and files DiscScope writes load the same in numpy.</summary>
public class NpyFormatTests
{
    private static readonly NpyFormat Npy = new();

    [NumpyFact]
    public void NumpyMadeArraysReadWithTheirValuesAndShape()
    {
        using var tmp = new TempDir();
        var arrays = NumpyReference.Run("make", tmp.Path);
        Assert.True(arrays.Count >= 45, $"numpy made {arrays.Count} files");
        foreach (var a in arrays)
        {
            var v = Npy.Read(a.File, ReadOptions.Default);
            var name = Path.GetFileName(a.File);
            // Shape (..., K, J, I): the last entry is SizeI; leading size-1 entries beyond three are dropped.
            var s = a.Shape.Reverse().Concat(Enumerable.Repeat(1L, 3)).Take(3).ToArray();
            Assert.True(s.SequenceEqual(new long[] { v.Geometry.SizeI, v.Geometry.SizeJ, v.Geometry.SizeK }), $"{name}: size {v.Geometry}");
            Assert.Equal(a.Dtype, Dtype(v.VoxelType));
            Assert.Equal(ImageGeometry.Simple(v.Geometry.SizeI, v.Geometry.SizeJ, v.Geometry.SizeK), v.Geometry);
            for (var n = 0; n < a.Values.Length; n++) Assert.True(a.Text(n) == Text(v, n), $"{name}[{n}]: {Text(v, n)}, numpy {a.Text(n)}");
        }
    }

    [NumpyFact]
    public void DiscScopeWrittenArraysLoadInNumpy()
    {
        using var tmp = new TempDir();
        var g = ImageGeometry.Simple(5, 4, 3, 0.5, 0.5, 2); // spacing is not stored in .npy
        var volumes = new IVolume[]
        {
            Fill<byte>(g), Fill<sbyte>(g), Fill<ushort>(g), Fill<short>(g), Fill<uint>(g), Fill<int>(g),
            Fill<ulong>(g), Fill<long>(g), Fill<float>(g), Fill<double>(g), Fill<short>(ImageGeometry.Simple(6, 2, 1)),
        };
        var files = new List<string>();
        for (var i = 0; i < volumes.Length; i++)
        {
            var f = tmp.File($"w{i}.npy");
            Npy.Write(volumes[i], f);
            files.Add(f);
            // numpy.lib.format: magic + version + length + header is a multiple of 64 bytes (alignment)
            var headerLength = BitConverter.ToUInt16(File.ReadAllBytes(f), 8);
            Assert.Equal(0, (10 + headerLength) % 64);
        }
        var loaded = NumpyReference.Run(["read", .. files]);
        for (var i = 0; i < volumes.Length; i++)
        {
            var v = volumes[i]; var a = loaded[i];
            Assert.Equal(new long[] { v.Geometry.SizeK, v.Geometry.SizeJ, v.Geometry.SizeI }, a.Shape);
            Assert.Equal(Dtype(v.VoxelType), a.Dtype);
            for (var n = 0; n < a.Values.Length; n++) Assert.True(a.Text(n) == Text(v, n), $"w{i}[{n}]: numpy {a.Text(n)}, written {Text(v, n)}");
        }
    }

    [Fact]
    public void HandWrittenFortranOrderIsTransposed()
    {
        // a[k, j, i] = 100 k + 10 j + i with shape (2, 2, 3) stored Fortran order: k fastest, then j, then i.
        using var tmp = new TempDir();
        var dict = "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2, 3), }";
        var header = dict.PadRight(64 - 10 - 1) + "\n";
        var data = new List<byte>();
        for (var i = 0; i < 3; i++) for (var j = 0; j < 2; j++) for (var k = 0; k < 2; k++) data.Add((byte)(100 * k + 10 * j + i));
        File.WriteAllBytes(tmp.File("f.npy"), [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. Encoding.ASCII.GetBytes(header), .. data]);
        var v = Assert.IsType<Volume<byte>>(Npy.Read(tmp.File("f.npy"), ReadOptions.Default));
        Assert.Equal((3, 2, 2), (v.SizeI, v.SizeJ, v.SizeK));
        for (var k = 0; k < 2; k++) for (var j = 0; j < 2; j++) for (var i = 0; i < 3; i++) Assert.Equal(100 * k + 10 * j + i, v[i, j, k]);
    }

    private static byte[] Npy1(string dict, int dataBytes)
    {
        var header = dict.PadRight(Math.Max(dict.Length, 53)) + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. Encoding.ASCII.GetBytes(header), .. new byte[dataBytes]];
    }

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "empty", [] },
        { "noise", FileBytes.Noise(100) },
        { "magic only", [0x93, .. "NUMPY"u8] },
        { "version 4", [0x93, .. "NUMPY"u8, 4, 0, 10, 0, .. "{}        "u8] },
        { "header length past end", [0x93, .. "NUMPY"u8, 1, 0, 0xFF, 0x7F, .. "{'descr'"u8] },
        { "v2 header length huge", [0x93, .. "NUMPY"u8, 2, 0, 0xFF, 0xFF, 0xFF, 0x7F, .. "{'descr'"u8] },
        { "not a dict", Npy1("hello", 8) },
        { "unterminated string", Npy1("{'descr': '<i2, 'fortran_order': False, 'shape': (2,), }", 4) },
        { "missing shape", Npy1("{'descr': '<i2', 'fortran_order': False, }", 4) },
        { "unknown key", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (2,), 'x': 1, }", 4) },
        { "complex dtype", Npy1("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16) },
        { "object dtype", Npy1("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 16) },
        { "structured dtype", Npy1("{'descr': [('a', '<i2')], 'fortran_order': False, 'shape': (2,), }", 4) },
        { "bad bool", Npy1("{'descr': '<i2', 'fortran_order': Maybe, 'shape': (2,), }", 4) },
        { "scalar", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (), }", 2) },
        { "negative shape", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (2, -3), }", 12) },
        { "zero shape", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (0, 3), }", 0) },
        { "overflowing shape", Npy1("{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775807, 9223372036854775807), }", 8) },
        { "shape beyond long", Npy1("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,), }", 8) },
        { "shape larger than the file", Npy1("{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 1000, 100), }", 8) },
        { "four real dimensions", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2, 2, 2), }", 32) },
        { "data one byte short", Npy1("{'descr': '<i2', 'fortran_order': False, 'shape': (3, 4), }", 23) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenFilesAreRefused(string what, byte[] bytes)
    {
        using var tmp = new TempDir();
        var path = tmp.File("bad.npy");
        File.WriteAllBytes(path, bytes);
        var e = VolumeAssert.Refuses(() => Npy.Read(path, ReadOptions.Default), path, 16L << 20);
        Assert.False(string.IsNullOrEmpty(e.Reason), what);
    }

    [Fact]
    public void TruncationsOfAWrittenArrayAreRefused()
    {
        using var tmp = new TempDir();
        Npy.Write(Fill<float>(ImageGeometry.Simple(7, 5, 3)), tmp.File("w.npy"));
        var bytes = File.ReadAllBytes(tmp.File("w.npy"));
        foreach (var keep in new[] { 0, 5, 9, 11, 40, 64, bytes.Length / 2, bytes.Length - 1 })
        {
            var path = tmp.File($"cut{keep}.npy");
            File.WriteAllBytes(path, bytes.Cut(keep));
            VolumeAssert.Refuses(() => Npy.Read(path, ReadOptions.Default), path);
        }
    }

    private static Volume<T> Fill<T>(ImageGeometry g) where T : unmanaged, System.Numerics.INumber<T>, System.Numerics.IMinMaxValue<T>
    {
        var v = new Volume<T>(g);
        var r = new Random(5);
        for (var n = 0; n < v.Voxels.Length; n++)
            v.Voxels[n] = n switch { 0 => T.MinValue, 1 => T.MaxValue, _ => T.CreateTruncating(r.NextDouble() * 2e4 - 1e4) };
        if (typeof(T) == typeof(float) || typeof(T) == typeof(double)) { v.Voxels[0] = T.CreateTruncating(-1.5e30); v.Voxels[1] = T.CreateTruncating(3.25e30); }
        return v;
    }

    private static string Dtype(VoxelType t) => t switch
    {
        VoxelType.UInt8 => "u1", VoxelType.Int8 => "i1", VoxelType.UInt16 => "u2", VoxelType.Int16 => "i2",
        VoxelType.UInt32 => "u4", VoxelType.Int32 => "i4", VoxelType.UInt64 => "u8", VoxelType.Int64 => "i8",
        VoxelType.Float32 => "f4", _ => "f8",
    };

    /// <summary>Voxel n as the same decimal text the reference script gives (64-bit integers exact, others via double "R").</summary>
    private static string Text(IVolume v, int n) => v switch
    {
        Volume<ulong> u => u.Voxels[n].ToString(CultureInfo.InvariantCulture),
        Volume<long> l => l.Voxels[n].ToString(CultureInfo.InvariantCulture),
        _ => v.GetDouble(n).ToString("R", CultureInfo.InvariantCulture),
    };
}
