using System.Numerics;
using System.Runtime.InteropServices;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Formats.Common;

/// <summary>Allocates a zeroed volume of a runtime voxel type and exposes its voxels as writable bytes, so readers fill it without a second copy.</summary>
internal static class VoxelBuffer
{
    public static IVolume Allocate(VoxelType t, ImageGeometry g) => t switch
    {
        VoxelType.UInt8 => new Volume<byte>(g),
        VoxelType.Int8 => new Volume<sbyte>(g),
        VoxelType.UInt16 => new Volume<ushort>(g),
        VoxelType.Int16 => new Volume<short>(g),
        VoxelType.UInt32 => new Volume<uint>(g),
        VoxelType.Int32 => new Volume<int>(g),
        VoxelType.UInt64 => new Volume<ulong>(g),
        VoxelType.Int64 => new Volume<long>(g),
        VoxelType.Float32 => new Volume<float>(g),
        VoxelType.Float64 => new Volume<double>(g),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>The voxels of a volume made by <see cref="Allocate"/> as little-endian (machine order) bytes.</summary>
    public static Span<byte> Bytes(IVolume v) => v switch
    {
        Volume<byte> x => Of(x), Volume<sbyte> x => Of(x), Volume<ushort> x => Of(x), Volume<short> x => Of(x),
        Volume<uint> x => Of(x), Volume<int> x => Of(x), Volume<ulong> x => Of(x), Volume<long> x => Of(x),
        Volume<float> x => Of(x), Volume<double> x => Of(x),
        _ => throw new ArgumentException($"unsupported volume type {v.GetType().Name}", nameof(v)),
    };

    private static Span<byte> Of<T>(Volume<T> v) where T : unmanaged, INumber<T> => MemoryMarshal.AsBytes(v.Voxels.AsSpan());
}
