using System.Numerics;
using System.Runtime.InteropServices;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging;

/// <summary>A voxel buffer (i fastest, then j, then k) with its place in patient space. 2D images are one-slice volumes.</summary>
public sealed class Volume<T> : IVolume where T : unmanaged, INumber<T>
{
    public Volume(ImageGeometry geometry, T[] voxels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(voxels);
        if (voxels.LongLength != geometry.VoxelCount)
            throw new ArgumentException($"buffer holds {voxels.LongLength} voxels, geometry needs {geometry.VoxelCount}", nameof(voxels));
        Geometry = geometry;
        Voxels = voxels;
    }

    /// <summary>A zero-filled volume.</summary>
    public Volume(ImageGeometry geometry) : this(geometry, new T[geometry.VoxelCount]) { }

    public ImageGeometry Geometry { get; }
    public T[] Voxels { get; }
    public long Length => Voxels.LongLength;
    public VoxelType VoxelType => VoxelTypes.Of<T>();

    public int SizeI => Geometry.SizeI;
    public int SizeJ => Geometry.SizeJ;
    public int SizeK => Geometry.SizeK;

    public long IndexOf(int i, int j, int k) => i + (long)SizeI * (j + (long)SizeJ * k);

    public T this[int i, int j, int k]
    {
        get => Voxels[IndexOf(i, j, k)];
        set => Voxels[IndexOf(i, j, k)] = value;
    }

    public bool Contains(int i, int j, int k) => i >= 0 && j >= 0 && k >= 0 && i < SizeI && j < SizeJ && k < SizeK;

    public double GetDouble(long index) => double.CreateTruncating(Voxels[index]);

    public ReadOnlySpan<byte> AsBytes() => MemoryMarshal.AsBytes(Voxels.AsSpan());

    public IVolume WithGeometry(ImageGeometry geometry) => new Volume<T>(geometry, Voxels);

    /// <summary>Element-wise conversion (saturating for integers).</summary>
    public Volume<TOut> Convert<TOut>() where TOut : unmanaged, INumber<TOut>
    {
        var o = new TOut[Voxels.Length];
        for (var n = 0; n < o.Length; n++) o[n] = TOut.CreateSaturating(Voxels[n]);
        return new Volume<TOut>(Geometry, o);
    }

    public Volume<float> ToFloat() => Convert<float>();

    /// <summary>One slice k as a one-slice volume keeping the geometry of that slice.</summary>
    public Volume<T> Slice(int k)
    {
        if (k < 0 || k >= SizeK) throw new ArgumentOutOfRangeException(nameof(k));
        var n = SizeI * SizeJ;
        var buf = new T[n];
        Array.Copy(Voxels, (long)n * k, buf, 0, n);
        var g = Geometry with { SizeK = 1, Origin = Geometry.IndexToWorld(0, 0, k) };
        return new Volume<T>(g, buf);
    }

    public (T Min, T Max) Range()
    {
        if (Voxels.Length == 0) return (T.Zero, T.Zero);
        var min = Voxels[0]; var max = Voxels[0];
        foreach (var v in Voxels) { if (v < min) min = v; if (v > max) max = v; }
        return (min, max);
    }
}
