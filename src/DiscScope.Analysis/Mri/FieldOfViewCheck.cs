using System.Globalization;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Whether a sagittal image's physical size, from its pixel spacing, is plausible for a lumbar spine MR. The segmentation network works
/// on a canvas in millimetres, so a wrong spacing (a PNG given the wrong <c>--pixel-spacing</c>, a header with a wrong value) makes
/// discs look too small or too large: it loses discs or adds some. SPIDER's mid-sagittal slices span 164-529 mm superior-inferior at
/// their stated spacing, apart from three whose stated spacing is implausible (112 mm and 661 mm tall), and at a plausible spacing all
/// three parse right.
/// </summary>
public static class FieldOfViewCheck
{
    /// <summary>Smallest plausible superior-inferior extent (mm): at least three lumbar levels.</summary>
    public const double MinHeightMm = 140;

    /// <summary>Largest plausible extent either way (mm).</summary>
    public const double MaxExtentMm = 600;

    /// <summary>Null when the extent is plausible, else why it is not and what to check.</summary>
    /// <param name="widthMm">Anterior-posterior extent of the sagittal image (columns times column spacing).</param>
    /// <param name="heightMm">Superior-inferior extent (rows times row spacing).</param>
    public static string? Unusual(double widthMm, double heightMm)
    {
        if (heightMm >= MinHeightMm && heightMm <= MaxExtentMm && widthMm <= MaxExtentMm) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"the image is {widthMm:0} x {heightMm:0} mm (anterior-posterior x superior-inferior) at its pixel spacing, outside the {MinHeightMm:0}-{MaxExtentMm:0} mm of a sagittal lumbar MR: check the pixel spacing (a wrong one loses or adds discs)");
    }
}
