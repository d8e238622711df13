using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Formats.Nifti;

/// <summary>
/// NIfTI-1 spatial transforms (nifti1.h "METHOD 2/3") to and from <see cref="ImageGeometry"/>.
/// NIfTI world space is RAS; DiscScope's is LPS, so the x and y rows of the affine change sign.
/// </summary>
internal static class NiftiAffine
{
    /// <summary>
    /// Geometry of a header: sform when sform_code &gt; 0, else qform when qform_code &gt; 0, else pixdim scaling only (method 1).
    /// </summary>
    public static ImageGeometry ToGeometry(NiftiHeader h, int sizeI, int sizeJ, int sizeK, string path)
    {
        double[,] ras; // 3x4, columns i, j, k, translation
        if (h.SformCode > 0)
        {
            ras = new double[3, 4];
            for (var c = 0; c < 4; c++) { ras[0, c] = h.SrowX[c]; ras[1, c] = h.SrowY[c]; ras[2, c] = h.SrowZ[c]; }
        }
        else if (h.QformCode > 0) ras = FromQuaternion(h);
        else
        {
            ras = new double[3, 4];
            for (var a = 0; a < 3; a++) ras[a, a] = Pixdim(h, a + 1);
        }

        var spacing = new double[3];
        var cols = new Vec3[3];
        for (var c = 0; c < 3; c++)
        {
            // LPS = diag(-1, -1, 1) * RAS
            var v = new Vec3(-ras[0, c], -ras[1, c], ras[2, c]);
            var len = v.Length;
            if (!double.IsFinite(len) || len <= 0)
                throw new ImageFormatException(path, $"{(h.SformCode > 0 ? "sform" : h.QformCode > 0 ? "qform" : "pixdim")} gives axis {c} a zero or non-finite length", h.SformCode > 0 ? 280 : 76);
            spacing[c] = len;
            cols[c] = v * (1 / len);
        }
        var origin = new Vec3(-ras[0, 3], -ras[1, 3], ras[2, 3]);
        if (!double.IsFinite(origin.X + origin.Y + origin.Z)) throw new ImageFormatException(path, "non-finite origin in the header", 268);
        return new ImageGeometry(sizeI, sizeJ, sizeK, new Vec3(spacing[0], spacing[1], spacing[2]), origin, Matrix3.FromColumns(cols[0], cols[1], cols[2]));
    }

    /// <summary>Sets pixdim, qform (code 1) and sform (code 1) of a header from a geometry.</summary>
    public static void FromGeometry(ImageGeometry g, NiftiHeader h)
    {
        var flip = new Vec3(-1, -1, 1);
        Vec3 Ras(Vec3 v) => new(v.X * flip.X, v.Y * flip.Y, v.Z * flip.Z);
        var c0 = Ras(g.Direction.Column(0)); var c1 = Ras(g.Direction.Column(1)); var c2 = Ras(g.Direction.Column(2));
        var o = Ras(g.Origin);

        // sform: the exact affine.
        Vec3[] cols = [c0 * g.Spacing.X, c1 * g.Spacing.Y, c2 * g.Spacing.Z];
        for (var c = 0; c < 3; c++) { h.SrowX[c] = (float)cols[c].X; h.SrowY[c] = (float)cols[c].Y; h.SrowZ[c] = (float)cols[c].Z; }
        h.SrowX[3] = (float)o.X; h.SrowY[3] = (float)o.Y; h.SrowZ[3] = (float)o.Z;
        h.SformCode = 1;

        // qform: a rotation (orthonormalised by Gram-Schmidt when the direction is sheared), qfac = -1 for a left-handed grid.
        var u0 = c0.Normalized();
        var u1 = (c1 - u0 * u0.Dot(c1)).Normalized();
        var u2 = u0.Cross(u1);
        var qfac = u2.Dot(c2) < 0 ? -1f : 1f;
        var r = Matrix3.FromColumns(u0, u1, u2);
        var (_, qb, qc, qd) = ToQuaternion(r);
        h.QuaternB = (float)qb; h.QuaternC = (float)qc; h.QuaternD = (float)qd;
        h.QoffsetX = (float)o.X; h.QoffsetY = (float)o.Y; h.QoffsetZ = (float)o.Z;
        h.QformCode = 1;
        h.PixDim[0] = qfac;
        h.PixDim[1] = (float)g.Spacing.X; h.PixDim[2] = (float)g.Spacing.Y; h.PixDim[3] = (float)g.Spacing.Z;
    }

    /// <summary>The qform affine (RAS, 3x4) from quatern_b/c/d, qoffset, pixdim and qfac = pixdim[0].</summary>
    private static double[,] FromQuaternion(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        var aa = 1.0 - (b * b + c * c + d * d);
        double a;
        if (aa < 1e-7)
        {
            // nifti1.h: a is taken as 0 when the b,c,d vector is (nearly) unit length; renormalise b,c,d.
            var n = Math.Sqrt(b * b + c * c + d * d);
            a = 0; b /= n; c /= n; d /= n;
        }
        else a = Math.Sqrt(aa);
        double[,] r =
        {
            { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
            { 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
            { 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b },
        };
        var qfac = h.PixDim[0] < 0 ? -1.0 : 1.0; // nifti1.h: pixdim[0] is qfac, taken as 1 unless it is -1
        double[] s = [Pixdim(h, 1), Pixdim(h, 2), Pixdim(h, 3) * qfac];
        var m = new double[3, 4];
        for (var row = 0; row < 3; row++)
            for (var col = 0; col < 3; col++) m[row, col] = r[row, col] * s[col];
        m[0, 3] = h.QoffsetX; m[1, 3] = h.QoffsetY; m[2, 3] = h.QoffsetZ;
        return m;
    }

    /// <summary>pixdim[axis] as a spacing: absolute value, with 0 or non-finite taken as 1 mm (2D files often leave pixdim[3] at 0).</summary>
    private static double Pixdim(NiftiHeader h, int axis)
    {
        var p = Math.Abs((double)h.PixDim[axis]);
        return p > 0 && double.IsFinite(p) ? p : 1.0;
    }

    /// <summary>Unit quaternion (a &gt;= 0) of a proper rotation matrix.</summary>
    private static (double A, double B, double C, double D) ToQuaternion(Matrix3 r)
    {
        double a, b, c, d;
        var trace = r.M00 + r.M11 + r.M22 + 1;
        if (trace > 0.5)
        {
            a = 0.5 * Math.Sqrt(trace);
            b = 0.25 * (r.M21 - r.M12) / a;
            c = 0.25 * (r.M02 - r.M20) / a;
            d = 0.25 * (r.M10 - r.M01) / a;
        }
        else
        {
            var xd = 1 + r.M00 - (r.M11 + r.M22);
            var yd = 1 + r.M11 - (r.M00 + r.M22);
            var zd = 1 + r.M22 - (r.M00 + r.M11);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r.M01 + r.M10) / b;
                d = 0.25 * (r.M02 + r.M20) / b;
                a = 0.25 * (r.M21 - r.M12) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r.M01 + r.M10) / c;
                d = 0.25 * (r.M12 + r.M21) / c;
                a = 0.25 * (r.M02 - r.M20) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r.M02 + r.M20) / d;
                c = 0.25 * (r.M12 + r.M21) / d;
                a = 0.25 * (r.M10 - r.M01) / d;
            }
            if (a < 0) { a = -a; b = -b; c = -c; d = -d; }
        }
        return (a, b, c, d);
    }
}
