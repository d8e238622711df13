using System.Numerics;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Processing;

/// <summary>Resamples a volume onto another geometry through patient space. Points outside the source get <c>outside</c>.</summary>
public static class Resampler
{
    public static Volume<T> Resample<T>(Volume<T> src, ImageGeometry target, Interpolation interpolation, T outside = default)
        where T : unmanaged, INumber<T>
    {
        var o = new Volume<T>(target);
        var sg = src.Geometry;
        // index_src = A * index_tgt + b, with A = S_src^-1 D_src^-1 D_tgt S_tgt
        var dinv = sg.Direction.Inverse();
        Vec3 Map(Vec3 worldDelta) { var v = dinv * worldDelta; return new Vec3(v.X / sg.Spacing.X, v.Y / sg.Spacing.Y, v.Z / sg.Spacing.Z); }
        var b = Map(target.Origin - sg.Origin);
        var ci = Map(target.Direction.Column(0) * target.Spacing.X);
        var cj = Map(target.Direction.Column(1) * target.Spacing.Y);
        var ck = Map(target.Direction.Column(2) * target.Spacing.Z);
        Parallel.For(0, target.SizeK, k =>
        {
            for (var j = 0; j < target.SizeJ; j++)
            {
                var row = b + j * cj + k * ck;
                for (var i = 0; i < target.SizeI; i++)
                {
                    var p = row + i * ci;
                    o[i, j, k] = interpolation == Interpolation.Nearest ? Nearest(src, p, outside) : Linear(src, p, outside);
                }
            }
        });
        return o;
    }

    /// <summary>A geometry with the same extent and orientation but new spacing (sizes rounded to cover the extent).</summary>
    public static ImageGeometry WithSpacing(ImageGeometry g, Vec3 spacing)
    {
        int N(int size, double s0, double s1) => Math.Max(1, (int)Math.Round(size * s0 / s1));
        return new ImageGeometry(N(g.SizeI, g.Spacing.X, spacing.X), N(g.SizeJ, g.Spacing.Y, spacing.Y), N(g.SizeK, g.Spacing.Z, spacing.Z),
            spacing, g.Origin + g.Direction * new Vec3((spacing.X - g.Spacing.X) / 2, (spacing.Y - g.Spacing.Y) / 2, (spacing.Z - g.Spacing.Z) / 2), g.Direction);
    }

    private static T Nearest<T>(Volume<T> v, Vec3 p, T outside) where T : unmanaged, INumber<T>
    {
        var i = (int)Math.Round(p.X); var j = (int)Math.Round(p.Y); var k = (int)Math.Round(p.Z);
        return v.Contains(i, j, k) ? v[i, j, k] : outside;
    }

    private static T Linear<T>(Volume<T> v, Vec3 p, T outside) where T : unmanaged, INumber<T>
    {
        const double eps = 1e-6; // tolerate round-off at the border voxels
        if (p.X < -eps || p.Y < -eps || p.Z < -eps || p.X > v.SizeI - 1 + eps || p.Y > v.SizeJ - 1 + eps || p.Z > v.SizeK - 1 + eps) return outside;
        var x = Math.Clamp(p.X, 0, v.SizeI - 1); var y = Math.Clamp(p.Y, 0, v.SizeJ - 1); var z = Math.Clamp(p.Z, 0, v.SizeK - 1);
        int i0 = (int)x, j0 = (int)y, k0 = (int)z;
        int i1 = Math.Min(i0 + 1, v.SizeI - 1), j1 = Math.Min(j0 + 1, v.SizeJ - 1), k1 = Math.Min(k0 + 1, v.SizeK - 1);
        double fx = x - i0, fy = y - j0, fz = z - k0;
        double G(int a, int b2, int c) => double.CreateTruncating(v[a, b2, c]);
        var c00 = G(i0, j0, k0) * (1 - fx) + G(i1, j0, k0) * fx;
        var c10 = G(i0, j1, k0) * (1 - fx) + G(i1, j1, k0) * fx;
        var c01 = G(i0, j0, k1) * (1 - fx) + G(i1, j0, k1) * fx;
        var c11 = G(i0, j1, k1) * (1 - fx) + G(i1, j1, k1) * fx;
        var val = (c00 * (1 - fy) + c10 * fy) * (1 - fz) + (c01 * (1 - fy) + c11 * fy) * fz;
        return typeof(T) == typeof(float) || typeof(T) == typeof(double) ? T.CreateTruncating(val) : T.CreateSaturating(Math.Round(val));
    }
}
