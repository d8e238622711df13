using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Evaluation;

/// <summary>
/// A binary mask on an <see cref="ImageGeometry"/> (voxels i fastest, then j, then k, as in <see cref="Volume{T}"/>).
/// Segmentation metrics take pairs of masks; the geometry's <see cref="ImageGeometry.Spacing"/> (mm) scales surface distances.
/// </summary>
public sealed class BinaryMask
{
    /// <summary>Wraps a buffer (not copied) whose length must equal the geometry's voxel count.</summary>
    public BinaryMask(ImageGeometry geometry, bool[] voxels)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(voxels);
        if (voxels.LongLength != geometry.VoxelCount)
            throw new EvaluationException($"mask holds {voxels.LongLength} voxels, geometry {geometry.SizeI}x{geometry.SizeJ}x{geometry.SizeK} needs {geometry.VoxelCount}");
        Geometry = geometry;
        Voxels = voxels;
    }

    /// <summary>The grid; its spacing (mm) scales surface distances.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>Foreground flags, i fastest.</summary>
    public bool[] Voxels { get; }

    /// <summary>Number of foreground voxels.</summary>
    public long Count
    {
        get
        {
            long c = 0;
            foreach (var v in Voxels) if (v) c++;
            return c;
        }
    }

    /// <summary>True when no voxel is foreground.</summary>
    public bool IsEmpty => Array.IndexOf(Voxels, true) < 0;

    /// <summary>Foreground where the label map holds <paramref name="label"/>.</summary>
    public static BinaryMask FromLabel(LabelMap labels, short label)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var src = labels.Labels.Voxels;
        var o = new bool[src.Length];
        for (var n = 0; n < o.Length; n++) o[n] = src[n] == label;
        return new BinaryMask(labels.Geometry, o);
    }

    /// <summary>Foreground where the label map holds any of <paramref name="labels"/> (a merged class, e.g. all discs).</summary>
    public static BinaryMask FromLabels(LabelMap labels, IReadOnlyCollection<short> set)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(set);
        var lookup = new HashSet<short>(set);
        var src = labels.Labels.Voxels;
        var o = new bool[src.Length];
        for (var n = 0; n < o.Length; n++) o[n] = lookup.Contains(src[n]);
        return new BinaryMask(labels.Geometry, o);
    }

    /// <summary>Foreground where the volume is non-zero.</summary>
    public static BinaryMask FromNonZero<T>(Volume<T> volume) where T : unmanaged, System.Numerics.INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        var o = new bool[volume.Voxels.Length];
        for (var n = 0; n < o.Length; n++) o[n] = volume.Voxels[n] != T.Zero;
        return new BinaryMask(volume.Geometry, o);
    }

    /// <summary>Throws <see cref="EvaluationException"/> unless both masks lie on the same grid (sizes, spacing, origin, direction within 1e-6).</summary>
    internal static void RequireSameGrid(BinaryMask prediction, BinaryMask reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        if (!prediction.Geometry.SameAs(reference.Geometry))
            throw new EvaluationException($"prediction grid {prediction.Geometry} differs from reference grid {reference.Geometry}; resample first");
    }
}
