using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>Assertions on volumes read back from files.</summary>
public static class VolumeAssert
{
    /// <summary>Same voxel type, same size, byte-identical voxels.</summary>
    public static void SameVoxels(IVolume expected, IVolume actual, string context)
    {
        Assert.True(expected.VoxelType == actual.VoxelType, $"{context}: voxel type {actual.VoxelType}, expected {expected.VoxelType}");
        Assert.True(expected.Geometry.SizeI == actual.Geometry.SizeI && expected.Geometry.SizeJ == actual.Geometry.SizeJ && expected.Geometry.SizeK == actual.Geometry.SizeK,
            $"{context}: size {actual.Geometry.SizeI}x{actual.Geometry.SizeJ}x{actual.Geometry.SizeK}, expected {expected.Geometry.SizeI}x{expected.Geometry.SizeJ}x{expected.Geometry.SizeK}");
        Assert.True(expected.AsBytes().SequenceEqual(actual.AsBytes()), $"{context}: voxels differ");
    }

    /// <summary>Spacing, origin and direction within <paramref name="tolerance"/> (mm, and unitless for direction).</summary>
    public static void SameGeometry(ImageGeometry expected, ImageGeometry actual, double tolerance, string context) =>
        Assert.True(expected.SameAs(actual, tolerance), $"{context}: geometry {actual}, expected {expected}\n direction {string.Join(' ', actual.Direction.ToRowMajor())}\n expected  {string.Join(' ', expected.Direction.ToRowMajor())}");

    /// <summary>The index-to-world affine in NIfTI's RAS space: diag(-1, -1, 1) times the LPS affine.</summary>
    public static double[,] RasAffine(ImageGeometry g)
    {
        var a = g.Affine();
        for (var c = 0; c < 4; c++) { a[0, c] = -a[0, c]; a[1, c] = -a[1, c]; }
        return a;
    }

    /// <summary>Largest absolute difference between a 4x4 affine and a JSON-style nested list.</summary>
    public static double MaxAffineDifference(double[,] a, double[][] b)
    {
        var m = 0.0;
        for (var r = 0; r < 4; r++)
            for (var c = 0; c < 4; c++) m = Math.Max(m, Math.Abs(a[r, c] - b[r][c]));
        return m;
    }

    /// <summary>Sum of all voxels as float64.</summary>
    public static double Sum(IVolume v)
    {
        var s = 0.0;
        for (long n = 0; n < v.Length; n++) s += v.GetDouble(n);
        return s;
    }

    /// <summary>
    /// Asserts that reading throws <see cref="ImageFormatException"/> (not any other type) naming the file, and allocates no
    /// more than <paramref name="maxAllocatedBytes"/> on the way.
    /// </summary>
    public static ImageFormatException Refuses(Func<IVolume> read, string path, long maxAllocatedBytes = 64L << 20)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Exception? caught = null;
        try { read(); }
        catch (Exception e) { caught = e; }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(caught);
        var e2 = Assert.IsType<ImageFormatException>(caught);
        Assert.Equal(path, e2.File);
        Assert.False(string.IsNullOrWhiteSpace(e2.Reason));
        Assert.True(allocated <= maxAllocatedBytes, $"reading {path} allocated {allocated} bytes before failing ({e2.Message})");
        return e2;
    }
}
