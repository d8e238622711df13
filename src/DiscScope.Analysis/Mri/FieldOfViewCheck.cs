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

    /// <summary>Largest extent (mm) along any axis that is segmented at all: twice <see cref="MaxExtentMm"/>, more than a whole-spine MR.
    /// The network's canvas is in millimetres, so its size grows with the claimed extent: a 1 MB PNG of 16000 x 16000 pixels at 0.6 mm
    /// took 22 GB of memory and 50 s before this limit.</summary>
    public const double MaxSegmentedExtentMm = 2 * MaxExtentMm;

    /// <summary>Largest in-plane matrix segmented (pixels): 4096 x 4096, well above the largest MR matrices (SPIDER's largest slice is
    /// 1168 x 1058).</summary>
    public const long MaxSlicePixels = 4096L * 4096;

    /// <summary>Null when an image of these sizes (voxels) and spacings (mm) may be segmented, else why not. Checked on every axis before
    /// any reorientation, so it holds for whichever two axes form the sagittal plane.</summary>
    public static string? TooLargeToSegment(IReadOnlyList<int> sizes, IReadOnlyList<double> spacingsMm)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(spacingsMm);
        if (sizes.Count != spacingsMm.Count) throw new ArgumentException($"{sizes.Count} sizes but {spacingsMm.Count} spacings");
        var extents = sizes.Select((n, i) => n * spacingsMm[i]).ToArray();
        if (extents.Max() > MaxSegmentedExtentMm)
            return string.Create(CultureInfo.InvariantCulture,
                $"the image is {string.Join(" x ", extents.Select(e => e.ToString("0", CultureInfo.InvariantCulture)))} mm at its pixel spacing, more than the {MaxSegmentedExtentMm:0} mm that any spine MR spans: not segmented; check the pixel spacing");
        var largest = sizes.OrderDescending().Take(2).Aggregate(1L, (a, n) => a * n);
        if (sizes.Count >= 2 && largest > MaxSlicePixels)
            return string.Create(CultureInfo.InvariantCulture,
                $"the image is {string.Join(" x ", sizes)} pixels, a slice of up to {largest} pixels, more than the {MaxSlicePixels} of any MR matrix: not segmented");
        return null;
    }

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
