namespace DiscScope.Imaging;

/// <summary>The element types a volume can hold; each maps to one NIfTI datatype and one MetaImage ElementType.</summary>
public enum VoxelType { UInt8, Int8, UInt16, Int16, UInt32, Int32, UInt64, Int64, Float32, Float64 }
