namespace DiscScope.Analysis.Measurements;

/// <summary>
/// A 2D frame on the sagittal plane (mm): origin C, axis U along the structure's anterior-posterior length (pointing posterior),
/// normal N (pointing inferior). s = (p - C)·U, t = (p - C)·N.
/// </summary>
public readonly record struct LocalFrame(double Cx, double Cy, double Ux, double Uy)
{
    public double Nx => -Uy;
    public double Ny => Ux;

    public double S(double x, double y) => (x - Cx) * Ux + (y - Cy) * Uy;
    public double T(double x, double y) => (x - Cx) * Nx + (y - Cy) * Ny;

    /// <summary>Principal-axis frame of a point set: U = major axis (oriented posterior, +x), N = U rotated +90° (inferior).</summary>
    public static LocalFrame Principal(PlanarPoints p)
    {
        if (p.Count < 3) throw new ArgumentException("a frame needs at least 3 points", nameof(p));
        double mx = p.X.Average(), my = p.Y.Average(), sxx = 0, syy = 0, sxy = 0;
        for (var n = 0; n < p.Count; n++)
        {
            var dx = p.X[n] - mx; var dy = p.Y[n] - my;
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        // Major-axis angle of the 2x2 covariance matrix.
        var theta = 0.5 * Math.Atan2(2 * sxy, sxx - syy);
        double ux = Math.Cos(theta), uy = Math.Sin(theta);
        if (ux < 0) { ux = -ux; uy = -uy; }
        return new LocalFrame(mx, my, ux, uy);
    }

    /// <summary>The same axes centred elsewhere.</summary>
    public LocalFrame At(double cx, double cy) => this with { Cx = cx, Cy = cy };
}
