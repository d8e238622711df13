namespace DiscScope.Imaging.Geometry;

/// <summary>A 3x3 matrix stored row-major. As a direction matrix its columns are the unit vectors of the index axes i, j, k in LPS.</summary>
public readonly record struct Matrix3(double M00, double M01, double M02, double M10, double M11, double M12, double M20, double M21, double M22)
{
    public static Matrix3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Matrix3 FromColumns(Vec3 c0, Vec3 c1, Vec3 c2) => new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    /// <summary>Builds from 9 values in row-major order.</summary>
    public static Matrix3 FromRowMajor(IReadOnlyList<double> v)
    {
        if (v.Count != 9) throw new ArgumentException("a 3x3 matrix needs 9 values", nameof(v));
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    public double this[int r, int c] => (r * 3 + c) switch
    {
        0 => M00, 1 => M01, 2 => M02, 3 => M10, 4 => M11, 5 => M12, 6 => M20, 7 => M21, 8 => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    public Vec3 Column(int c) => new(this[0, c], this[1, c], this[2, c]);
    public Vec3 Row(int r) => new(this[r, 0], this[r, 1], this[r, 2]);
    public double[] ToRowMajor() => [M00, M01, M02, M10, M11, M12, M20, M21, M22];

    public static Vec3 operator *(Matrix3 m, Vec3 v) => new(m.Row(0).Dot(v), m.Row(1).Dot(v), m.Row(2).Dot(v));

    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => FromColumns(a * b.Column(0), a * b.Column(1), a * b.Column(2));

    public Matrix3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>The inverse; throws for a singular matrix.</summary>
    public Matrix3 Inverse()
    {
        var d = Determinant;
        if (Math.Abs(d) < 1e-12) throw new InvalidOperationException("matrix is singular");
        var inv = 1.0 / d;
        return new(
            (M11 * M22 - M12 * M21) * inv, (M02 * M21 - M01 * M22) * inv, (M01 * M12 - M02 * M11) * inv,
            (M12 * M20 - M10 * M22) * inv, (M00 * M22 - M02 * M20) * inv, (M02 * M10 - M00 * M12) * inv,
            (M10 * M21 - M11 * M20) * inv, (M01 * M20 - M00 * M21) * inv, (M00 * M11 - M01 * M10) * inv);
    }

    public double MaxAbsDifference(Matrix3 b)
    {
        var x = ToRowMajor(); var y = b.ToRowMajor(); var m = 0.0;
        for (var i = 0; i < 9; i++) m = Math.Max(m, Math.Abs(x[i] - y[i]));
        return m;
    }
}
