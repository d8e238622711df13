namespace DiscScope.Imaging.Formats.Nifti;

/// <summary>NIfTI-1 datatype codes (nifti1.h, DT_*) for the voxel types DiscScope holds.</summary>
internal static class NiftiDataTypes
{
    public static VoxelType? ToVoxelType(short code) => code switch
    {
        2 => VoxelType.UInt8, 256 => VoxelType.Int8, 4 => VoxelType.Int16, 512 => VoxelType.UInt16,
        8 => VoxelType.Int32, 768 => VoxelType.UInt32, 1024 => VoxelType.Int64, 1280 => VoxelType.UInt64,
        16 => VoxelType.Float32, 64 => VoxelType.Float64,
        _ => null,
    };

    public static short ToCode(VoxelType t) => t switch
    {
        VoxelType.UInt8 => 2, VoxelType.Int8 => 256, VoxelType.Int16 => 4, VoxelType.UInt16 => 512,
        VoxelType.Int32 => 8, VoxelType.UInt32 => 768, VoxelType.Int64 => 1024, VoxelType.UInt64 => 1280,
        VoxelType.Float32 => 16, VoxelType.Float64 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>A readable name for codes DiscScope cannot hold (for error messages).</summary>
    public static string Describe(short code) => code switch
    {
        1 => "binary (DT_BINARY)", 32 => "complex64", 128 => "RGB24", 1536 => "float128", 1792 => "complex128",
        2048 => "complex256", 2304 => "RGBA32", _ => $"code {code}",
    };
}
