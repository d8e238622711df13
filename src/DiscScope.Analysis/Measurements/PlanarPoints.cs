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

    /// <summary>The largest 8-connected piece of the points on their pixel grid (ties: the first found); empty when there are none.</summary>
    public PlanarPoints LargestComponent()
    {
        if (Count == 0) return this;
        var cell = new Dictionary<(long C, long R), int>(Count);
        for (var n = 0; n < Count; n++) cell[(RoundCell(X[n], SpacingX), RoundCell(Y[n], SpacingY))] = n;
        var piece = new int[Count];
        Array.Fill(piece, -1);
        int pieces = 0, best = -1, bestSize = 0;
        var stack = new Stack<int>();
        for (var start = 0; start < Count; start++)
        {
            if (piece[start] >= 0) continue;
            var id = pieces++; var size = 0;
            piece[start] = id; stack.Push(start);
            while (stack.Count > 0)
            {
                var n = stack.Pop(); size++;
                long c = RoundCell(X[n], SpacingX), r = RoundCell(Y[n], SpacingY);
                for (var dr = -1; dr <= 1; dr++)
                    for (var dc = -1; dc <= 1; dc++)
                        if (cell.TryGetValue((c + dc, r + dr), out var m) && piece[m] < 0) { piece[m] = id; stack.Push(m); }
            }
            if (size > bestSize) { bestSize = size; best = id; }
        }
        if (pieces == 1) return this;
        List<double> xs = [], ys = []; List<long> idx = [];
        for (var n = 0; n < Count; n++)
            if (piece[n] == best) { xs.Add(X[n]); ys.Add(Y[n]); idx.Add(Index[n]); }
        return new PlanarPoints([.. xs], [.. ys], [.. idx], SpacingX, SpacingY);
    }

    private static long RoundCell(double v, double spacing) => (long)Math.Round(v / spacing);

    /// <summary>Extent of one pixel projected on a unit direction (dx, dy): |dx|·sx + |dy|·sy.</summary>
    public double PixelExtent(double dx, double dy) => Math.Abs(dx) * SpacingX + Math.Abs(dy) * SpacingY;
}
