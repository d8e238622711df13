using System.Numerics;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Imaging.Processing;

/// <summary>Exact reorientation by axis permutation and flips (no interpolation).</summary>
public static class Reorientation
{
    /// <summary>DiscScope's canonical sagittal frame: columns run anterior->posterior (P), rows superior->inferior (I), slices right->left (L).</summary>
    public const string CanonicalSagittal = "PIL";

    /// <summary>Permutes and flips axes so index axes point as close as possible to <paramref name="code"/> (e.g. "PIL", "LPS").</summary>
    public static Volume<T> Reorient<T>(Volume<T> v, string code) where T : unmanaged, INumber<T>
    {
        var (perm, flip) = Plan(v.Geometry.Direction, code);
        var g = v.Geometry;
        var sizes = new[] { g.SizeI, g.SizeJ, g.SizeK };
        var spac = new[] { g.Spacing.X, g.Spacing.Y, g.Spacing.Z };
        var ns = new int[3]; var nsp = new double[3]; var cols = new Vec3[3];
        var corner = new double[3];
        for (var t = 0; t < 3; t++)
        {
            var s = perm[t];
            ns[t] = sizes[s]; nsp[t] = spac[s];
            cols[t] = flip[t] ? -g.Direction.Column(s) : g.Direction.Column(s);
            corner[s] = flip[t] ? sizes[s] - 1 : 0;
        }
        var ng = new ImageGeometry(ns[0], ns[1], ns[2], new Vec3(nsp[0], nsp[1], nsp[2]),
            g.IndexToWorld(corner[0], corner[1], corner[2]), Matrix3.FromColumns(cols[0], cols[1], cols[2]));
        var o = new Volume<T>(ng);
        var src = new int[3];
        for (var k = 0; k < ns[2]; k++)
            for (var j = 0; j < ns[1]; j++)
                for (var i = 0; i < ns[0]; i++)
                {
                    int[] idx = [i, j, k];
                    for (var t = 0; t < 3; t++) src[perm[t]] = flip[t] ? ns[t] - 1 - idx[t] : idx[t];
                    o[i, j, k] = v[src[0], src[1], src[2]];
                }
        return o;
    }

    /// <summary>For each target axis, the source axis and whether it is flipped.</summary>
    public static (int[] Permutation, bool[] Flip) Plan(Matrix3 direction, string code)
    {
        if (code is null || code.Length != 3) throw new ArgumentException("orientation code needs 3 letters", nameof(code));
        var targets = code.Select(Orientation.Axis).ToArray();
        var perm = new int[3]; var flip = new bool[3];
        var best = double.NegativeInfinity;
        // Try all 6 permutations; pick the one whose axes align best with the targets.
        foreach (var p in new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] })
        {
            var score = 0.0;
            for (var t = 0; t < 3; t++) score += Math.Abs(direction.Column(p[t]).Dot(targets[t]));
            if (score > best + 1e-12)
            {
                best = score;
                for (var t = 0; t < 3; t++) { perm[t] = p[t]; flip[t] = direction.Column(p[t]).Dot(targets[t]) < 0; }
            }
        }
        if (targets[0].Cross(targets[1]).Length < 0.5 || Math.Abs(targets[0].Cross(targets[1]).Dot(targets[2])) < 0.5)
            throw new ArgumentException($"orientation code {code} does not name three different axes", nameof(code));
        return (perm, flip);
    }
}
