using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging;

/// <summary>A voxel grid of any element type with its geometry; readers return this, callers narrow with <see cref="Volume{T}"/>.</summary>
public interface IVolume
{
    ImageGeometry Geometry { get; }
    VoxelType VoxelType { get; }
    long Length { get; }

    /// <summary>Voxel value at linear index as double.</summary>
    double GetDouble(long index);

    /// <summary>Copy converted to float32 (values kept, rounding of float32 applies).</summary>
    Volume<float> ToFloat();

    /// <summary>The raw voxel bytes, little-endian, i fastest.</summary>
    ReadOnlySpan<byte> AsBytes();

    /// <summary>A volume with the same voxels and another geometry of equal size.</summary>
    IVolume WithGeometry(ImageGeometry geometry);
}
