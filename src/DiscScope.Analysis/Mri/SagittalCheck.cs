using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri;

/// <summary>Checks before segmentation: is the series sagittal (from its direction cosines) and does the image hold any signal?</summary>
public static class SagittalCheck
{
    /// <summary>Null when the slice stack is sagittal (its normal points most along left-right) or orientation is unknown
    /// (2D image with identity direction); otherwise the reason.</summary>
    public static NoSagittalSpine? Orientation(ImageGeometry g)
    {
        if (g.SizeK == 1 && g.Direction.MaxAbsDifference(Matrix3.Identity) < 1e-9) return null; // a bare 2D image: plane unknown
        var normal = g.SizeK == 1 ? g.Direction.Column(0).Cross(g.Direction.Column(1)) : g.Direction.Column(2);
        var letter = Imaging.Geometry.Orientation.Letter(normal);
        return letter switch
        {
            'L' or 'R' => null,
            'S' or 'I' => new NoSagittalSpine(NoSpineReason.NotSagittal, $"the series is axial (slice normal {normal}, orientation {Imaging.Geometry.Orientation.Code(g.Direction)})"),
            _ => new NoSagittalSpine(NoSpineReason.NotSagittal, $"the series is coronal (slice normal {normal}, orientation {Imaging.Geometry.Orientation.Code(g.Direction)})"),
        };
    }

    /// <summary>Null when the image varies; otherwise the reason (empty or constant image: nothing to segment).</summary>
    public static NoSagittalSpine? Signal(IVolume v)
    {
        if (v.Length == 0) return new NoSagittalSpine(NoSpineReason.EmptyImage, "the image has no voxels");
        double mean = 0, m2 = 0; long n = 0;
        var step = Math.Max(1, v.Length / 2_000_000);
        for (long i = 0; i < v.Length; i += step)
        {
            var x = v.GetDouble(i); n++;
            var d = x - mean; mean += d / n; m2 += d * (x - mean);
        }
        var sd = Math.Sqrt(m2 / Math.Max(1, n));
        var scale = Math.Max(1e-12, Math.Abs(mean));
        if (sd == 0 || sd / scale < 1e-4)
            return new NoSagittalSpine(NoSpineReason.EmptyImage, FormattableString.Invariant($"the image is constant or nearly so (mean {mean:G4}, sd {sd:G3})"));
        return null;
    }
}
