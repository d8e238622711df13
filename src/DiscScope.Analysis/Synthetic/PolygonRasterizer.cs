using DiscScope.Imaging;

namespace DiscScope.Analysis.Synthetic;

/// <summary>Fills polygons given in mm (x = column direction, y = row direction) into slice k of a volume: a pixel is inside when its centre is.</summary>
public static class PolygonRasterizer
{
    public static void Fill<T>(Volume<T> v, IReadOnlyList<(double X, double Y)> polygon, T value, int k = 0)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        var sx = v.Geometry.Spacing.X; var sy = v.Geometry.Spacing.Y;
        var minY = polygon.Min(p => p.Y); var maxY = polygon.Max(p => p.Y);
        var j0 = Math.Max(0, (int)Math.Floor(minY / sy)); var j1 = Math.Min(v.SizeJ - 1, (int)Math.Ceiling(maxY / sy));
        var xs = new List<double>();
        for (var j = j0; j <= j1; j++)
        {
            var y = j * sy;
            xs.Clear();
            for (var a = 0; a < polygon.Count; a++)
            {
                var p = polygon[a]; var q = polygon[(a + 1) % polygon.Count];
                if ((p.Y <= y && q.Y > y) || (q.Y <= y && p.Y > y)) xs.Add(p.X + (y - p.Y) / (q.Y - p.Y) * (q.X - p.X));
            }
            xs.Sort();
            for (var n = 0; n + 1 < xs.Count; n += 2)
            {
                var i0 = Math.Max(0, (int)Math.Ceiling(xs[n] / sx)); var i1 = Math.Min(v.SizeI - 1, (int)Math.Ceiling(xs[n + 1] / sx) - 1);
                for (var i = i0; i <= i1; i++) v[i, j, k] = value;
            }
        }
    }

    /// <summary>Corners of a rectangle of the given length (along direction angle <paramref name="angleDeg"/>) and height, centred at (cx, cy).</summary>
    public static (double X, double Y)[] Rectangle(double cx, double cy, double length, double height, double angleDeg = 0)
    {
        var a = angleDeg * Math.PI / 180; double ux = Math.Cos(a), uy = Math.Sin(a), nx = -uy, ny = ux;
        (double, double) P(double s, double t) => (cx + s * ux + t * nx, cy + s * uy + t * ny);
        return [P(-length / 2, -height / 2), P(length / 2, -height / 2), P(length / 2, height / 2), P(-length / 2, height / 2)];
    }
}
