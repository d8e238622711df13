namespace DiscScope.Evaluation;

/// <summary>
/// Exact Euclidean distance transform on a voxel grid with anisotropic spacing: the separable lower-envelope-of-parabolas
/// algorithm of Felzenszwalb and Huttenlocher (Theory of Computing 8, 2012), one 1-D pass per axis, O(N) overall.
/// Gives the same values as scipy.ndimage.distance_transform_edt(~features, sampling=spacing) up to rounding.
/// </summary>
public static class DistanceTransform
{
    /// <summary>
    /// Squared distance (mm²) from every voxel centre to the nearest feature voxel centre; +∞ everywhere when there is no feature.
    /// </summary>
    /// <param name="features">Feature flags, i fastest, then j, then k; length sizeI·sizeJ·sizeK.</param>
    /// <param name="sizeI">Grid size along i.</param>
    /// <param name="sizeJ">Grid size along j.</param>
    /// <param name="sizeK">Grid size along k.</param>
    /// <param name="spacingI">Voxel spacing along i, mm.</param>
    /// <param name="spacingJ">Voxel spacing along j, mm.</param>
    /// <param name="spacingK">Voxel spacing along k, mm.</param>
    public static double[] SquaredEuclidean(ReadOnlySpan<bool> features, int sizeI, int sizeJ, int sizeK, double spacingI, double spacingJ, double spacingK)
    {
        if (sizeI <= 0 || sizeJ <= 0 || sizeK <= 0) throw new EvaluationException($"grid size must be positive: {sizeI}x{sizeJ}x{sizeK}");
        if (features.Length != (long)sizeI * sizeJ * sizeK) throw new EvaluationException($"{features.Length} flags do not fill a {sizeI}x{sizeJ}x{sizeK} grid");
        if (!(spacingI > 0 && spacingJ > 0 && spacingK > 0)) throw new EvaluationException("spacing must be positive");
        var d = new double[features.Length];
        for (var n = 0; n < d.Length; n++) d[n] = features[n] ? 0 : double.PositiveInfinity;
        var longest = Math.Max(sizeI, Math.Max(sizeJ, sizeK));
        var line = new double[longest];
        var output = new double[longest];
        var v = new int[longest];
        var z = new double[longest + 1];
        // Axis i (stride 1), then j (stride sizeI), then k (stride sizeI·sizeJ); each pass transforms every line along that axis.
        if (sizeI > 1) Pass(d, sizeI, 1, sizeJ * sizeK, n => n * sizeI, spacingI, line, output, v, z);
        if (sizeJ > 1) Pass(d, sizeJ, sizeI, sizeI * sizeK, n => (n / sizeI) * sizeI * sizeJ + n % sizeI, spacingJ, line, output, v, z);
        if (sizeK > 1) Pass(d, sizeK, sizeI * sizeJ, sizeI * sizeJ, n => n, spacingK, line, output, v, z);
        return d;
    }

    private static void Pass(double[] d, int length, int stride, int lines, Func<int, int> start, double spacing,
        double[] line, double[] output, int[] v, double[] z)
    {
        for (var n = 0; n < lines; n++)
        {
            var s0 = start(n);
            for (var q = 0; q < length; q++) line[q] = d[s0 + q * stride];
            Envelope(line, output, length, spacing, v, z);
            for (var q = 0; q < length; q++) d[s0 + q * stride] = output[q];
        }
    }

    /// <summary>1-D transform D(p) = min_q ((p − q)·h)² + f(q) of f over one line; entries with f = +∞ are not parabolas.</summary>
    private static void Envelope(double[] f, double[] output, int length, double h, int[] v, double[] z)
    {
        var k = -1;
        for (var q = 0; q < length; q++)
        {
            if (double.IsPositiveInfinity(f[q])) continue;
            var xq = q * h;
            if (k < 0) { k = 0; v[0] = q; z[0] = double.NegativeInfinity; z[1] = double.PositiveInfinity; continue; }
            var xv = v[k] * h;
            // Abscissa (mm) where the parabola rooted at q overtakes the one rooted at v[k]; z[0] = -inf stops the loop at k = 0.
            var s = ((f[q] + xq * xq) - (f[v[k]] + xv * xv)) / (2 * (xq - xv));
            while (s <= z[k])
            {
                k--;
                xv = v[k] * h;
                s = ((f[q] + xq * xq) - (f[v[k]] + xv * xv)) / (2 * (xq - xv));
            }
            k++;
            v[k] = q; z[k] = s; z[k + 1] = double.PositiveInfinity;
        }
        if (k < 0) { Array.Fill(output, double.PositiveInfinity, 0, length); return; }
        var j = 0;
        for (var p = 0; p < length; p++)
        {
            var xp = p * h;
            while (z[j + 1] < xp) j++;
            var dx = xp - v[j] * h;
            output[p] = dx * dx + f[v[j]];
        }
    }
}
