namespace DiscScope.Analysis.DiscGrading;

/// <summary>Builds the grading network's two-channel input [T2, T1] from per-sequence crops (a missing T1 is a zero channel).</summary>
public static class GradingInput
{
    public const int Channels = 2;

    public static float[] Stack(float[] t2, float[]? t1)
    {
        ArgumentNullException.ThrowIfNull(t2);
        if (t1 is not null && t1.Length != t2.Length) throw new ArgumentException("T1 and T2 crops differ in size");
        var x = new float[2 * t2.Length];
        t2.CopyTo(x, 0);
        t1?.CopyTo(x, t2.Length);
        return x;
    }
}
