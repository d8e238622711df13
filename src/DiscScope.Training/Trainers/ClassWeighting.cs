namespace DiscScope.Training.Trainers;

/// <summary>Class weights for imbalanced labels.</summary>
public static class ClassWeighting
{
    /// <summary>Weights proportional to 1 / sqrt(frequency), normalised to mean 1 over the classes present; absent classes get weight 1.</summary>
    public static float[] InverseSqrtFrequency(IEnumerable<long[]> labelMaps, int classes) => FromCounts(Count(labelMaps, classes), 0.5);

    /// <summary>Weights proportional to 1 / frequency, normalised to mean 1 over the classes present; absent classes get weight 1.</summary>
    public static float[] InverseFrequency(IEnumerable<long[]> labelMaps, int classes) => FromCounts(Count(labelMaps, classes), 1.0);

    /// <summary>Weights from class counts (e.g. of a grading task): count^-power, normalised to mean 1 over classes with count &gt; 0.</summary>
    public static float[] FromCounts(long[] counts, double power)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var w = counts.Select(c => c > 0 ? Math.Pow(c, -power) : double.NaN).ToArray();
        var present = w.Where(double.IsFinite).ToArray();
        var mean = present.Length > 0 ? present.Average() : 1;
        return [.. w.Select(x => double.IsFinite(x) ? (float)(x / mean) : 1f)];
    }

    private static long[] Count(IEnumerable<long[]> labelMaps, int classes)
    {
        var counts = new long[classes];
        foreach (var m in labelMaps)
            foreach (var l in m)
            {
                if (l < 0 || l >= classes) throw new ArgumentException($"label {l} outside 0 .. {classes - 1}");
                counts[l]++;
            }
        return counts;
    }
}
