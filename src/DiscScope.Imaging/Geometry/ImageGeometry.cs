namespace DiscScope.Imaging.Geometry;

/// <summary>
/// Where a voxel grid sits in patient space (DICOM LPS, mm). Index (i, j, k): i = column (fastest in memory), j = row, k = slice.
/// world = Origin + Direction * (Spacing ⊙ index); Origin is the centre of voxel (0,0,0); Direction's columns are unit vectors.
/// </summary>
public sealed record ImageGeometry
{
    public ImageGeometry(int sizeI, int sizeJ, int sizeK, Vec3 spacing, Vec3 origin, Matrix3 direction)
    {
        if (sizeI <= 0 || sizeJ <= 0 || sizeK <= 0) throw new ArgumentOutOfRangeException(nameof(sizeI), $"size must be positive: {sizeI}x{sizeJ}x{sizeK}");
        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0) || double.IsInfinity(spacing.X + spacing.Y + spacing.Z))
            throw new ArgumentOutOfRangeException(nameof(spacing), $"spacing must be positive and finite: {spacing}");
        SizeI = sizeI; SizeJ = sizeJ; SizeK = sizeK; Spacing = spacing; Origin = origin; Direction = direction;
    }

    /// <summary>Identity orientation, zero origin.</summary>
    public static ImageGeometry Simple(int sizeI, int sizeJ, int sizeK, double si = 1, double sj = 1, double sk = 1) =>
        new(sizeI, sizeJ, sizeK, new Vec3(si, sj, sk), Vec3.Zero, Matrix3.Identity);

    public int SizeI { get; init; }
    public int SizeJ { get; init; }
    public int SizeK { get; init; }
    public Vec3 Spacing { get; init; }
    public Vec3 Origin { get; init; }
    public Matrix3 Direction { get; init; }

    public long VoxelCount => (long)SizeI * SizeJ * SizeK;
    public int Size(int axis) => axis switch { 0 => SizeI, 1 => SizeJ, 2 => SizeK, _ => throw new ArgumentOutOfRangeException(nameof(axis)) };

    /// <summary>Patient coordinates (mm, LPS) of a continuous index.</summary>
    public Vec3 IndexToWorld(double i, double j, double k) =>
        Origin + Direction * new Vec3(i * Spacing.X, j * Spacing.Y, k * Spacing.Z);

    /// <summary>Continuous index of a patient-space point.</summary>
    public Vec3 WorldToIndex(Vec3 p)
    {
        var v = Direction.Inverse() * (p - Origin);
        return new Vec3(v.X / Spacing.X, v.Y / Spacing.Y, v.Z / Spacing.Z);
    }

    /// <summary>The 4x4 index-to-world affine (row-major, LPS).</summary>
    public double[,] Affine()
    {
        var a = new double[4, 4];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++) a[r, c] = Direction[r, c] * Spacing[c];
            a[r, 3] = Origin[r];
        }
        a[3, 3] = 1;
        return a;
    }

    /// <summary>True when sizes match and spacing, origin and direction agree within tolerance.</summary>
    public bool SameAs(ImageGeometry other, double tolerance = 1e-6) =>
        SizeI == other.SizeI && SizeJ == other.SizeJ && SizeK == other.SizeK &&
        Spacing.MaxAbsDifference(other.Spacing) <= tolerance && Origin.MaxAbsDifference(other.Origin) <= tolerance &&
        Direction.MaxAbsDifference(other.Direction) <= tolerance;

    public override string ToString() =>
        FormattableString.Invariant($"{SizeI}x{SizeJ}x{SizeK} spacing {Spacing} origin {Origin} {Orientation.Code(Direction)}");
}
