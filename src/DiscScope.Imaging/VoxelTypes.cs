using System.Numerics;

namespace DiscScope.Imaging;

/// <summary>Mapping between CLR element types and <see cref="VoxelType"/>, and a factory for volumes of a runtime type.</summary>
public static class VoxelTypes
{
    public static VoxelType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? VoxelType.UInt8 :
        typeof(T) == typeof(sbyte) ? VoxelType.Int8 :
        typeof(T) == typeof(ushort) ? VoxelType.UInt16 :
        typeof(T) == typeof(short) ? VoxelType.Int16 :
        typeof(T) == typeof(uint) ? VoxelType.UInt32 :
        typeof(T) == typeof(int) ? VoxelType.Int32 :
        typeof(T) == typeof(ulong) ? VoxelType.UInt64 :
        typeof(T) == typeof(long) ? VoxelType.Int64 :
        typeof(T) == typeof(float) ? VoxelType.Float32 :
        typeof(T) == typeof(double) ? VoxelType.Float64 :
        throw new NotSupportedException($"voxel type {typeof(T).Name} is not supported");

    public static int SizeOf(VoxelType t) => t switch
    {
        VoxelType.UInt8 or VoxelType.Int8 => 1,
        VoxelType.UInt16 or VoxelType.Int16 => 2,
        VoxelType.UInt32 or VoxelType.Int32 or VoxelType.Float32 => 4,
        _ => 8,
    };

    /// <summary>Creates a volume of the given element type from little-endian bytes (copied).</summary>
    public static IVolume FromBytes(VoxelType t, Geometry.ImageGeometry g, ReadOnlySpan<byte> bytes) => t switch
    {
        VoxelType.UInt8 => Make<byte>(g, bytes),
        VoxelType.Int8 => Make<sbyte>(g, bytes),
        VoxelType.UInt16 => Make<ushort>(g, bytes),
        VoxelType.Int16 => Make<short>(g, bytes),
        VoxelType.UInt32 => Make<uint>(g, bytes),
        VoxelType.Int32 => Make<int>(g, bytes),
        VoxelType.UInt64 => Make<ulong>(g, bytes),
        VoxelType.Int64 => Make<long>(g, bytes),
        VoxelType.Float32 => Make<float>(g, bytes),
        VoxelType.Float64 => Make<double>(g, bytes),
        _ => throw new NotSupportedException(t.ToString()),
    };

    private static Volume<T> Make<T>(Geometry.ImageGeometry g, ReadOnlySpan<byte> bytes) where T : unmanaged, INumber<T>
    {
        var arr = new T[g.VoxelCount];
        var src = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes);
        if (src.Length != arr.Length) throw new ArgumentException($"{bytes.Length} bytes do not hold {arr.Length} voxels of {typeof(T).Name}");
        src.CopyTo(arr);
        return new Volume<T>(g, arr);
    }
}
