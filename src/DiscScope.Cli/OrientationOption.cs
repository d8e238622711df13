using DiscScope.Imaging.Geometry;

namespace DiscScope.Cli;

/// <summary>
/// The `--orientation CODE` option of `segment` and `analyze`: three letters naming where the column, row and slice axes point
/// (e.g. PIL: columns to posterior, rows to inferior, slices to left), for files whose direction cosines are missing or wrong.
/// </summary>
public static class OrientationOption
{
    /// <summary>The direction matrix of <paramref name="code"/>; a clear input error for a malformed code.</summary>
    public static Matrix3 Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 3) throw new InputException($"--orientation needs 3 letters (e.g. PIL), got '{code}'");
        try { return Matrix3.FromColumns(Orientation.Axis(code[0]), Orientation.Axis(code[1]), Orientation.Axis(code[2])); }
        catch (ArgumentException e) { throw new InputException($"--orientation: {e.Message}"); }
    }
}
