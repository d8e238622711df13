namespace DiscScope.Training.DiscGrading;

/// <summary>
/// Test-time augmentation measured by `evaluate grading --tta-shift` and `--tta-t1-drop` (<see cref="GradingCrossValidation.RunVariants"/>):
/// each held-out crop is also graded shifted by these whole-pixel offsets and, with <see cref="WithoutT1"/>, once more per offset with its
/// T1 channel zeroed (as the training's T1 dropout does; a disc without T1 gives the same prediction twice); the calibrated probabilities
/// are averaged over the copies. <see cref="None"/> grades the crop as cut. Not used by `analyze` (measured, not adopted: docs/training.md).
/// </summary>
public sealed record TestTimeShifts(IReadOnlyList<(int Dx, int Dy)> Offsets, bool WithoutT1 = false)
{
    /// <summary>The crop alone.</summary>
    public static TestTimeShifts None { get; } = new([(0, 0)]);

    /// <summary>The crop and its four copies shifted by <paramref name="pixels"/> left, right, up and down.</summary>
    public static TestTimeShifts Cross(int pixels) => pixels <= 0
        ? throw new ArgumentOutOfRangeException(nameof(pixels), "shift must be positive")
        : new([(0, 0), (-pixels, 0), (pixels, 0), (0, -pixels), (0, pixels)]);

    /// <summary>The crop as cut, graded with and without its T1 channel.</summary>
    public static TestTimeShifts T1Dropped { get; } = new([(0, 0)], WithoutT1: true);

    /// <summary>The graded copies: each offset with the T1 channel kept and, with <see cref="WithoutT1"/>, dropped.</summary>
    public IReadOnlyList<(int Dx, int Dy, bool DropT1)> Views =>
        [.. Offsets.SelectMany(o => WithoutT1 ? new[] { (o.Dx, o.Dy, false), (o.Dx, o.Dy, true) } : [(o.Dx, o.Dy, false)])];

    /// <summary>Number of copies graded per crop.</summary>
    public int Count => Views.Count;

    /// <summary>Short description for cards and JSON, e.g. "none", "5 copies: (0,0) (-2,0) (2,0) (0,-2) (0,2) px" or
    /// "2 copies: (0,0) px, each with and without T1".</summary>
    public override string ToString() => Count == 1 && Offsets[0] == (0, 0)
        ? "none"
        : $"{Count} copies: {string.Join(' ', Offsets.Select(o => $"({o.Dx},{o.Dy})"))} px{(WithoutT1 ? ", each with and without T1" : "")}";
}
