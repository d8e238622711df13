namespace DiscScope.Imaging.Formats.MetaImage;

/// <summary>MetaIO ElementType names (metaTypes.h) for the voxel types DiscScope holds. MET_LONG/MET_ULONG are 4 bytes in MetaIO.</summary>
internal static class MetaImageElementTypes
{
    public static VoxelType? Parse(string name) => name.Trim().ToUpperInvariant() switch
    {
        "MET_UCHAR" => VoxelType.UInt8, "MET_CHAR" => VoxelType.Int8,
        "MET_USHORT" => VoxelType.UInt16, "MET_SHORT" => VoxelType.Int16,
        "MET_UINT" or "MET_ULONG" => VoxelType.UInt32, "MET_INT" or "MET_LONG" => VoxelType.Int32,
        "MET_ULONG_LONG" => VoxelType.UInt64, "MET_LONG_LONG" => VoxelType.Int64,
        "MET_FLOAT" => VoxelType.Float32, "MET_DOUBLE" => VoxelType.Float64,
        _ => null,
    };

    public static string Name(VoxelType t) => t switch
    {
        VoxelType.UInt8 => "MET_UCHAR", VoxelType.Int8 => "MET_CHAR",
        VoxelType.UInt16 => "MET_USHORT", VoxelType.Int16 => "MET_SHORT",
        VoxelType.UInt32 => "MET_UINT", VoxelType.Int32 => "MET_INT",
        VoxelType.UInt64 => "MET_ULONG_LONG", VoxelType.Int64 => "MET_LONG_LONG",
        VoxelType.Float32 => "MET_FLOAT", VoxelType.Float64 => "MET_DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
