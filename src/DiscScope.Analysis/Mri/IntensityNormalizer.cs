namespace DiscScope.Analysis.Mri;

/// <summary>Per-slice intensity normalisation: the 1st..99th percentile maps to 0..1, clipped. Independent of MR scaling and of 8-bit rescaling.</summary>
public static class IntensityNormalizer
{
    /// <summary>The (low, high) percentiles of the values (histogram of 4096 bins between min and max).</summary>
    public static (float Low, float High) Percentiles(ReadOnlySpan<float> values, double low = 0.01, double high = 0.99)
    {
        if (values.Length == 0) return (0, 0);
        float min = float.MaxValue, max = float.MinValue;
        foreach (var v in values) { if (v < min) min = v; if (v > max) max = v; }
        if (!(max > min)) return (min, max);
        const int bins = 4096;
        var hist = new int[bins];
        var scale = (bins - 1) / (max - min);
        foreach (var v in values) hist[(int)((v - min) * scale)]++;
        var count = values.Length;
        float At(double q)
        {
            var target = q * count; long acc = 0;
            for (var b = 0; b < bins; b++) { acc += hist[b]; if (acc >= target) return min + b / scale; }
            return max;
        }
        return (At(low), At(high));
    }

    /// <summary>Normalises in place; returns false (and leaves zeros) when the slice is constant within float precision.</summary>
    public static bool Normalize(Span<float> values)
    {
        var (lo, hi) = Percentiles(values);
        if (!(hi > lo))
        {
            // Sparse images (most pixels one value) can have equal percentiles but real content: fall back to min..max.
            float min = float.MaxValue, max = float.MinValue;
            foreach (var v in values) { if (v < min) min = v; if (v > max) max = v; }
            if (!(max > min)) { values.Clear(); return false; }
            lo = min; hi = max;
        }
        var inv = 1f / (hi - lo);
        for (var i = 0; i < values.Length; i++) values[i] = Math.Clamp((values[i] - lo) * inv, 0f, 1f);
        return true;
    }
}
