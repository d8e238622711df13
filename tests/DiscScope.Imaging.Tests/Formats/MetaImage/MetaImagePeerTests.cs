using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Formats.MetaImage;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats.MetaImage;

/// <summary>The real .mha files against an independent zlib + numpy reading (tests/tools/metaimage_reference.py).</summary>
public class MetaImagePeerTests
{
    private static readonly MetaImageFormat Meta = new();

    private static readonly Lazy<Dictionary<string, MetaImageReference>> Reference =
        new(() => MetaImageReference.For(RealFiles.MetaImages.Select(RealFiles.Full)));

    [DataTheory]
    [MemberData(nameof(RealFiles.MetaImageData), MemberType = typeof(RealFiles))]
    public void RealFilesMatchAnIndependentReading(string relative)
    {
        Assert.NotNull(PeerPython.Numpy);
        var path = RealFiles.Full(relative);
        var r = Reference.Value[path];
        var v = Meta.Read(path, ReadOptions.Default);
        var g = v.Geometry;
        Assert.Equal(r.DimSize, new[] { g.SizeI, g.SizeJ, g.SizeK });
        Assert.Equal(r.Count, v.Length);
        Assert.Equal(r.ElementType, v.VoxelType switch { VoxelType.UInt8 => "MET_UCHAR", VoxelType.UInt16 => "MET_USHORT", var other => other.ToString() });
        Assert.Equal(new Vec3(r.Spacing![0], r.Spacing[1], r.Spacing[2]), g.Spacing);
        Assert.Equal(new Vec3(r.Offset![0], r.Offset[1], r.Offset[2]), g.Origin);
        var t = r.Transform!;
        Assert.Equal(Matrix3.FromColumns(new(t[0], t[1], t[2]), new(t[3], t[4], t[5]), new(t[6], t[7], t[8])), g.Direction);
        double sum = 0, min = double.MaxValue, max = double.MinValue;
        for (long n = 0; n < v.Length; n++) { var x = v.GetDouble(n); sum += x; min = Math.Min(min, x); max = Math.Max(max, x); }
        // Exact: integer voxels whose float64 sum stays far below 2^53, so summation order cannot change it.
        Assert.Equal(r.Sum, sum);
        Assert.Equal((r.Min, r.Max), (min, max));
    }
}
