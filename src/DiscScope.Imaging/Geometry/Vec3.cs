namespace DiscScope.Imaging.Geometry;

/// <summary>A 3-vector of doubles; in patient space the axes are DICOM LPS (x = left, y = posterior, z = superior), millimetres.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 Zero => new(0, 0, 0);
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);
    public static Vec3 operator *(Vec3 a, double s) => s * a;

    /// <summary>Component i (0 = X, 1 = Y, 2 = Z).</summary>
    public double this[int i] => i switch { 0 => X, 1 => Y, 2 => Z, _ => throw new ArgumentOutOfRangeException(nameof(i)) };

    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Length => Math.Sqrt(Dot(this));
    public Vec3 Normalized() { var l = Length; return l == 0 ? this : new Vec3(X / l, Y / l, Z / l); }
    public double MaxAbsDifference(Vec3 b) => Math.Max(Math.Abs(X - b.X), Math.Max(Math.Abs(Y - b.Y), Math.Abs(Z - b.Z)));
    public override string ToString() => FormattableString.Invariant($"({X:G6}, {Y:G6}, {Z:G6})");
}
