using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>Connected-component labelling: 8-connected in 2D, 6-connected in 3D (breadth-first, no recursion).</summary>
public static class ConnectedComponents
{
    /// <summary>The 8-connected regions of class <paramref name="structure"/> with their moments in mm.</summary>
    public static IReadOnlyList<Component2D> Find(ClassMap2D map, Structure structure)
    {
        int w = map.Width, h = map.Height; var cls = (byte)structure;
        var seen = new bool[w * h];
        var result = new List<Component2D>();
        var queue = new Queue<int>();
        var pix = new List<int>();
        for (var start = 0; start < w * h; start++)
        {
            if (seen[start] || map.Classes[start] != cls) continue;
            pix.Clear(); seen[start] = true; queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var p = queue.Dequeue(); pix.Add(p);
                int x = p % w, y = p / w;
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        var q = ny * w + nx;
                        if (!seen[q] && map.Classes[q] == cls) { seen[q] = true; queue.Enqueue(q); }
                    }
            }
            result.Add(Describe([.. pix], w, map.ColumnSpacing, map.RowSpacing));
        }
        return result;
    }

    /// <summary>Moments of a pixel set: area, centroid, vertical extent and long axis, all in mm.</summary>
    public static Component2D Describe(int[] pixels, int width, double sx, double sy)
    {
        double mx = 0, my = 0, top = double.MaxValue, bottom = double.MinValue;
        foreach (var p in pixels)
        {
            double x = p % width * sx, y = p / width * sy;
            mx += x; my += y; top = Math.Min(top, y); bottom = Math.Max(bottom, y);
        }
        var n = Math.Max(1, pixels.Length);
        mx /= n; my /= n;
        double cxx = 0, cyy = 0, cxy = 0;
        foreach (var p in pixels)
        {
            double dx = p % width * sx - mx, dy = p / width * sy - my;
            cxx += dx * dx; cyy += dy * dy; cxy += dx * dy;
        }
        // Principal axis of the 2x2 covariance.
        var angle = 0.5 * Math.Atan2(2 * cxy, cxx - cyy);
        double ax = Math.Cos(angle), ay = Math.Sin(angle);
        if (ax < 0) { ax = -ax; ay = -ay; }
        return new Component2D(pixels, pixels.Length * sx * sy, mx, my, top, bottom, ax, ay);
    }

    /// <summary>6-connected labelling of voxels equal to <paramref name="value"/> in a (w, h, d) grid; returns the component id per voxel (0 = none) and the count.</summary>
    public static (int[] Ids, int Count) Label3D(byte[] grid, int w, int h, int d, byte value)
    {
        var ids = new int[grid.Length];
        var next = 0;
        var queue = new Queue<int>();
        var plane = w * h;
        for (var s = 0; s < grid.Length; s++)
        {
            if (ids[s] != 0 || grid[s] != value) continue;
            next++; ids[s] = next; queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var p = queue.Dequeue();
                int x = p % w, y = p / w % h, z = p / plane;
                void Try(int q) { if (ids[q] == 0 && grid[q] == value) { ids[q] = next; queue.Enqueue(q); } }
                if (x > 0) Try(p - 1);
                if (x < w - 1) Try(p + 1);
                if (y > 0) Try(p - w);
                if (y < h - 1) Try(p + w);
                if (z > 0) Try(p - plane);
                if (z < d - 1) Try(p + plane);
            }
        }
        return (ids, next);
    }
}
