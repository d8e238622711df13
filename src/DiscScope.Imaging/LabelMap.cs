using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging;

/// <summary>A label volume (int16 labels, 0 = background) on a geometry. Label values follow the SPIDER convention in DiscScope (vertebrae 1..25 from the bottom, canal 100, discs 200 + k).</summary>
public sealed class LabelMap
{
    public LabelMap(Volume<short> labels) => Labels = labels ?? throw new ArgumentNullException(nameof(labels));

    public LabelMap(ImageGeometry geometry) : this(new Volume<short>(geometry)) { }

    public Volume<short> Labels { get; }
    public ImageGeometry Geometry => Labels.Geometry;

    public short this[int i, int j, int k] { get => Labels[i, j, k]; set => Labels[i, j, k] = value; }

    /// <summary>Builds from any integer-valued volume; throws if a value is not a whole number in int16 range.</summary>
    public static LabelMap FromVolume(IVolume v)
    {
        var o = new short[v.Length];
        for (long n = 0; n < o.LongLength; n++)
        {
            var d = v.GetDouble(n);
            if (d != Math.Floor(d) || d < short.MinValue || d > short.MaxValue)
                throw new ArgumentException($"voxel {n} holds {d}, not an int16 label");
            o[n] = (short)d;
        }
        return new LabelMap(new Volume<short>(v.Geometry, o));
    }

    /// <summary>Distinct non-zero labels, ascending.</summary>
    public IReadOnlyList<short> Present()
    {
        var set = new SortedSet<short>();
        foreach (var x in Labels.Voxels) if (x != 0) set.Add(x);
        return [.. set];
    }

    /// <summary>Number of voxels holding a label.</summary>
    public long Count(short label)
    {
        long c = 0;
        foreach (var x in Labels.Voxels) if (x == label) c++;
        return c;
    }
}
