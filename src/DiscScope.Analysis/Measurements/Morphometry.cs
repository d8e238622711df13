using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;

namespace DiscScope.Analysis.Measurements;

/// <summary>Pure geometric primitives on <see cref="PlanarPoints"/> in a <see cref="LocalFrame"/> (mm).</summary>
public static class Morphometry
{
    /// <summary>Stations along the length for anterior, middle and posterior heights.</summary>
    public static readonly double[] Stations = [0.10, 0.50, 0.90];

    /// <summary>Range of s over the points.</summary>
    public static (double Min, double Max) SRange(PlanarPoints p, LocalFrame f)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var n = 0; n < p.Count; n++) { var s = f.S(p.X[n], p.Y[n]); lo = Math.Min(lo, s); hi = Math.Max(hi, s); }
        return (lo, hi);
    }

    /// <summary>Range of t over the points.</summary>
    public static (double Min, double Max) TRange(PlanarPoints p, LocalFrame f)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var n = 0; n < p.Count; n++) { var t = f.T(p.X[n], p.Y[n]); lo = Math.Min(lo, t); hi = Math.Max(hi, t); }
        return (lo, hi);
    }

    /// <summary>Length along U including one pixel's extent.</summary>
    public static double Length(PlanarPoints p, LocalFrame f)
    {
        var (lo, hi) = SRange(p, f);
        return hi - lo + p.PixelExtent(f.Ux, f.Uy);
    }

    /// <summary>Height (extent along N plus one pixel's extent) of the points within a band of s around the station at <paramref name="fraction"/> of the length.</summary>
    public static double HeightAt(PlanarPoints p, LocalFrame f, double fraction)
    {
        var (lo, hi) = SRange(p, f);
        var s0 = lo + fraction * (hi - lo);
        var half = Math.Max(0.5, 0.75 * Math.Max(p.SpacingX, p.SpacingY)); // at least one pixel column falls in the band
        double tlo = double.PositiveInfinity, thi = double.NegativeInfinity;
        for (var n = 0; n < p.Count; n++)
        {
            if (Math.Abs(f.S(p.X[n], p.Y[n]) - s0) > half) continue;
            var t = f.T(p.X[n], p.Y[n]);
            tlo = Math.Min(tlo, t); thi = Math.Max(thi, t);
        }
        return double.IsInfinity(tlo) ? 0 : thi - tlo + p.PixelExtent(f.Nx, f.Ny);
    }

    /// <summary>Anterior, middle and posterior heights at <see cref="Stations"/>.</summary>
    public static VertebralHeights Heights(PlanarPoints p, LocalFrame f) =>
        new(new Millimetres(HeightAt(p, f, Stations[0])), new Millimetres(HeightAt(p, f, Stations[1])), new Millimetres(HeightAt(p, f, Stations[2])));

    /// <summary>
    /// Least-squares line t = a + b·s through the upper (min t) or lower (max t) boundary of the points, binned along s over the
    /// central 80 % of the length. Returns the slope b.
    /// </summary>
    public static double BoundarySlope(PlanarPoints p, LocalFrame f, bool upper)
    {
        var (lo, hi) = SRange(p, f);
        var bin = Math.Max(p.SpacingX, p.SpacingY);
        var nb = Math.Max(1, (int)Math.Ceiling((hi - lo) / bin) + 1);
        var edge = new double[nb];
        Array.Fill(edge, double.NaN);
        for (var n = 0; n < p.Count; n++)
        {
            var s = f.S(p.X[n], p.Y[n]); var t = f.T(p.X[n], p.Y[n]);
            var b = (int)Math.Round((s - lo) / bin);
            if (double.IsNaN(edge[b]) || (upper ? t < edge[b] : t > edge[b])) edge[b] = t;
        }
        double sw = 0, ss = 0, st = 0, sss = 0, sst = 0;
        for (var b = 0; b < nb; b++)
        {
            var s = lo + b * bin;
            if (double.IsNaN(edge[b]) || s < lo + 0.1 * (hi - lo) || s > hi - 0.1 * (hi - lo)) continue;
            sw++; ss += s; st += edge[b]; sss += s * s; sst += s * edge[b];
        }
        var den = sw * sss - ss * ss;
        return sw < 2 || Math.Abs(den) < 1e-12 ? 0 : (sw * sst - ss * st) / den;
    }

    /// <summary>Direction angle (radians, atan2 in the image's x-posterior / y-inferior axes) of a boundary line of slope b in frame f.</summary>
    public static double LineAngle(LocalFrame f, double slope)
    {
        var dx = f.Ux + slope * f.Nx; var dy = f.Uy + slope * f.Ny;
        return Math.Atan2(dy, dx);
    }
}
