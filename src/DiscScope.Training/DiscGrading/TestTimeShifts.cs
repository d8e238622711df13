namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Test-time augmentation measured by `evaluate grading --tta-shift` (<see cref="GradingCrossValidation.RunVariants"/>): each held-out
/// crop is also graded shifted by these whole-pixel offsets, and the calibrated probabilities are averaged over the shifted copies.
/// <see cref="None"/> grades the crop as cut. Not used by `analyze` (measured, not adopted: docs/training.md).
/// </summary>
public sealed record TestTimeShifts(IReadOnlyList<(int Dx, int Dy)> Offsets)
{
    /// <summary>The crop alone.</summary>
    public static TestTimeShifts None { get; } = new([(0, 0)]);

    /// <summary>The crop and its four copies shifted by <paramref name="pixels"/> left, right, up and down.</summary>
    public static TestTimeShifts Cross(int pixels) => pixels <= 0
        ? throw new ArgumentOutOfRangeException(nameof(pixels), "shift must be positive")
        : new([(0, 0), (-pixels, 0), (pixels, 0), (0, -pixels), (0, pixels)]);

    /// <summary>Number of copies graded per crop.</summary>
    public int Count => Offsets.Count;

    /// <summary>Short description for cards and JSON, e.g. "none" or "5 copies: (0,0) (-2,0) (2,0) (0,-2) (0,2) px".</summary>
    public override string ToString() => Count == 1 && Offsets[0] == (0, 0)
        ? "none"
        : $"{Count} copies: {string.Join(' ', Offsets.Select(o => $"({o.Dx},{o.Dy})"))} px";
}
