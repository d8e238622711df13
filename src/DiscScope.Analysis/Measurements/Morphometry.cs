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
        return HeightAtS(p, f, lo + fraction * (hi - lo));
    }

    /// <summary>Height (extent along N plus one pixel's extent) of the points within a band of s around <paramref name="s0"/>; 0 when none.</summary>
    public static double HeightAtS(PlanarPoints p, LocalFrame f, double s0)
    {
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

    /// <summary>
    /// Height of the intervertebral space at <paramref name="s0"/> along the disc's axis: from the upper body's lowest point to the lower
    /// body's highest point within the same band of s as <see cref="HeightAtS"/>, edge to edge, along the disc's normal. Null when a body
    /// has no pixels in the band.
    /// </summary>
    public static double? SpaceAt(PlanarPoints disc, PlanarPoints upper, PlanarPoints lower, LocalFrame f, double s0)
    {
        var half = Math.Max(0.5, 0.75 * Math.Max(disc.SpacingX, disc.SpacingY));
        var above = Extreme(upper, f, s0, half, lowest: true);
        var below = Extreme(lower, f, s0, half, lowest: false);
        return above is null || below is null ? null : below.Value - above.Value - disc.PixelExtent(f.Nx, f.Ny);
    }

    /// <summary>Largest (<paramref name="lowest"/>) or smallest t of the points within ±half of s0; null when none.</summary>
    private static double? Extreme(PlanarPoints p, LocalFrame f, double s0, double half, bool lowest)
    {
        double? e = null;
        for (var n = 0; n < p.Count; n++)
        {
            if (Math.Abs(f.S(p.X[n], p.Y[n]) - s0) > half) continue;
            var t = f.T(p.X[n], p.Y[n]);
            if (e is null || (lowest ? t > e : t < e)) e = t;
        }
        return e;
    }

    /// <summary>
    /// Disc heights at <see cref="Stations"/> as the space between the adjacent vertebral bodies (<see cref="SpaceAt"/>), station by
    /// station, where that space is the disc plus a thin seam: at least the disc mask's own extent there (<see cref="HeightAt"/>) and at
    /// most <paramref name="maxSeamMm"/> more (wider means a body under-segmented near its endplate). Otherwise, or where a body is
    /// missing, the disc mask's own extent.
    /// </summary>
    public static VertebralHeights DiscSpaceHeights(PlanarPoints disc, PlanarPoints? upper, PlanarPoints? lower, LocalFrame f, double maxSeamMm)
    {
        var (lo, hi) = SRange(disc, f);
        double At(double fraction)
        {
            var s0 = lo + fraction * (hi - lo);
            var own = HeightAtS(disc, f, s0);
            var space = upper is null || lower is null ? null : SpaceAt(disc, upper, lower, f, s0);
            return space is { } v && v >= own - 1e-9 && v <= own + maxSeamMm ? v : own;
        }
        return new(new Millimetres(At(Stations[0])), new Millimetres(At(Stations[1])), new Millimetres(At(Stations[2])));
    }

    /// <summary>Least height, as a share of the body's median height along its length, of the part of a vertebral body its stations are
    /// placed on: thinner ends are osteophyte lips, not the body.</summary>
    public const double BodyCoreFraction = 0.3;

    /// <summary>
    /// Anterior, middle and posterior heights of a vertebral body at <see cref="Stations"/> of its core: the range of s over which its height
    /// (in one-pixel bins) is at least <see cref="BodyCoreFraction"/> of its median height. A thin osteophyte lip at an endplate corner
    /// lengthens the body; a station placed on it would read a wedge that is not there.
    /// </summary>
    public static VertebralHeights Heights(PlanarPoints p, LocalFrame f)
    {
        var (lo, hi) = CoreRange(p, f, BodyCoreFraction);
        double At(double fraction) => HeightAtS(p, f, lo + fraction * (hi - lo));
        return new(new Millimetres(At(Stations[0])), new Millimetres(At(Stations[1])), new Millimetres(At(Stations[2])));
    }

    /// <summary>Range of s of the one-pixel bins whose height (extent along N) is at least <paramref name="minFraction"/> of the median
    /// bin height; the full range when there are no points.</summary>
    public static (double Min, double Max) CoreRange(PlanarPoints p, LocalFrame f, double minFraction)
    {
        var (lo, hi) = SRange(p, f);
        if (p.IsEmpty) return (lo, hi);
        var bin = Math.Max(p.SpacingX, p.SpacingY);
        var nb = (int)Math.Ceiling((hi - lo) / bin) + 1;
        var tMin = new double[nb]; var tMax = new double[nb];
        Array.Fill(tMin, double.PositiveInfinity); Array.Fill(tMax, double.NegativeInfinity);
        for (var n = 0; n < p.Count; n++)
        {
            var b = (int)Math.Round((f.S(p.X[n], p.Y[n]) - lo) / bin);
            var t = f.T(p.X[n], p.Y[n]);
            tMin[b] = Math.Min(tMin[b], t); tMax[b] = Math.Max(tMax[b], t);
        }
        var heights = Enumerable.Range(0, nb).Where(b => tMax[b] >= tMin[b]).Select(b => tMax[b] - tMin[b]).Order().ToArray();
        var need = minFraction * heights[heights.Length / 2];
        int first = -1, last = -1;
        for (var b = 0; b < nb; b++)
            if (tMax[b] >= tMin[b] && tMax[b] - tMin[b] >= need) { if (first < 0) first = b; last = b; }
        return first < 0 ? (lo, hi) : (lo + first * bin, lo + last * bin);
    }

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
