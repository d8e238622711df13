namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// The spinal level as an input of a context grading network: one-hot over the IVD label (SPIDER's: 1 = L5-S1, 2 = L4-L5, ...), labels
/// above <see cref="Width"/> sharing the last slot (T12-L1 and higher discs are rare in the training data).
/// </summary>
public static class GradingLevelInput
{
    public const int Width = 6;

    /// <summary>Name of a context grading network's level input [N, <see cref="Width"/>] beside its image input.</summary>
    public const string InputName = "level";

    public static float[] OneHot(int ivdLabel)
    {
        if (ivdLabel < 1) throw new ArgumentOutOfRangeException(nameof(ivdLabel), ivdLabel, "IVD labels start at 1 (L5-S1)");
        var v = new float[Width];
        v[Math.Min(ivdLabel, Width) - 1] = 1;
        return v;
    }

    /// <summary>One-hot rows for the IVD labels, row-major [labels, <see cref="Width"/>].</summary>
    public static float[] Stack(IReadOnlyList<int> ivdLabels)
    {
        ArgumentNullException.ThrowIfNull(ivdLabels);
        var x = new float[ivdLabels.Count * Width];
        for (var n = 0; n < ivdLabels.Count; n++) OneHot(ivdLabels[n]).CopyTo(x, n * Width);
        return x;
    }
}
