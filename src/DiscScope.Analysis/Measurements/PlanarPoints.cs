using DiscScope.Imaging;

namespace DiscScope.Analysis.Measurements;

/// <summary>
/// The pixels of one label on a 2D sagittal slice in the canonical frame, as points in mm: X = column * column spacing
/// (posterior positive), Y = row * row spacing (inferior positive). Also carries each point's linear pixel index.
/// </summary>
public sealed class PlanarPoints
{
    private PlanarPoints(double[] x, double[] y, long[] index, double sx, double sy)
    {
        X = x; Y = y; Index = index; SpacingX = sx; SpacingY = sy;
    }

    public double[] X { get; }
    public double[] Y { get; }
    public long[] Index { get; }
    public double SpacingX { get; }
    public double SpacingY { get; }
    public int Count => X.Length;
    public bool IsEmpty => X.Length == 0;

    /// <summary>Points of all pixels (slice 0) whose label satisfies <paramref name="predicate"/>.</summary>
    public static PlanarPoints Of(LabelMap map, Func<short, bool> predicate)
    {
        var v = map.Labels; var g = map.Geometry;
        List<double> xs = [], ys = []; List<long> idx = [];
        for (var j = 0; j < v.SizeJ; j++)
            for (var i = 0; i < v.SizeI; i++)
            {
                var n = v.IndexOf(i, j, 0);
                if (!predicate(v.Voxels[n])) continue;
                xs.Add(i * g.Spacing.X); ys.Add(j * g.Spacing.Y); idx.Add(n);
            }
        return new PlanarPoints([.. xs], [.. ys], [.. idx], g.Spacing.X, g.Spacing.Y);
    }

    public static PlanarPoints Of(LabelMap map, short label) => Of(map, l => l == label);

    /// <summary>The subset for which <paramref name="keep"/>(x, y) holds.</summary>
    public PlanarPoints Where(Func<double, double, bool> keep)
    {
        List<double> xs = [], ys = []; List<long> idx = [];
        for (var n = 0; n < Count; n++)
            if (keep(X[n], Y[n])) { xs.Add(X[n]); ys.Add(Y[n]); idx.Add(Index[n]); }
        return new PlanarPoints([.. xs], [.. ys], [.. idx], SpacingX, SpacingY);
    }

    /// <summary>Extent of one pixel projected on a unit direction (dx, dy): |dx|·sx + |dy|·sy.</summary>
    public double PixelExtent(double dx, double dy) => Math.Abs(dx) * SpacingX + Math.Abs(dy) * SpacingY;
}
