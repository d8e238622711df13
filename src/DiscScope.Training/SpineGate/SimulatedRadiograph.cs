using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;

namespace DiscScope.Training.SpineGate;

/// <summary>
/// A simulated projection radiograph (digitally reconstructed radiograph, parallel beam) of a CT volume in the canonical sagittal frame:
/// Hounsfield units become linear attenuation (water 0.02 per mm, air 0: mu = 0.02 (HU + 1000) / 1000), summed along the beam, and shown
/// as 1 - exp(-line integral), so bone is bright and air dark, as on a radiograph. The beam lies in the axial plane at
/// <c>angle</c> degrees from anterior-posterior (0 = AP view, 90 = lateral view), through a central slab of the given share of the
/// volume's width along the beam. The projection is computed at the volume's in-plane spacing and row spacing, then resampled
/// (bilinear, <see cref="Resampler"/>) to square detector pixels of a chosen size: a real radiograph has fine pixels (0.1-0.2 mm), so a bare one has thousands.
/// </summary>
public static class SimulatedRadiograph
{
    /// <summary>Attenuation of water per mm (about 70 keV).</summary>
    public const double WaterMuPerMm = 0.02;

    /// <summary>The projection: columns run along the detector (for the AP view right->left, for the lateral view anterior->posterior),
    /// rows superior->inferior; pixels are <paramref name="detectorPixelMm"/> square, or (null) the finer in-plane spacing wide and the
    /// row spacing high.</summary>
    public static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) Project(Volume<float> pilHu, double angleDegrees, double slab = 1,
        double? detectorPixelMm = null)
    {
        var p = Project(pilHu, angleDegrees, slab);
        if (detectorPixelMm is not { } d) return p;
        if (!(d > 0)) throw new ArgumentOutOfRangeException(nameof(detectorPixelMm), d, "detector pixel must be positive");
        var src = new Volume<float>(ImageGeometry.Simple(p.Width, p.Height, 1, p.ColumnSpacing, p.RowSpacing, 1), p.Pixels);
        var fine = Resampler.Resample(src, Resampler.WithSpacing(src.Geometry, new Vec3(d, d, 1)), Interpolation.Linear);
        return (fine.Voxels, fine.SizeI, fine.SizeJ, d, d);
    }

    private static (float[] Pixels, int Width, int Height, double ColumnSpacing, double RowSpacing) Project(Volume<float> pilHu, double angleDegrees, double slab)
    {
        ArgumentNullException.ThrowIfNull(pilHu);
        if (!(slab > 0 && slab <= 1)) throw new ArgumentOutOfRangeException(nameof(slab), slab, "slab share must lie in (0, 1]");
        int ni = pilHu.SizeI, nj = pilHu.SizeJ, nk = pilHu.SizeK;
        double sx = pilHu.Geometry.Spacing.X, sz = pilHu.Geometry.Spacing.Z, step = Math.Min(sx, sz);
        double cx = (ni - 1) * sx / 2, cz = (nk - 1) * sz / 2, half = Math.Sqrt(cx * cx + cz * cz);
        var a = angleDegrees * Math.PI / 180;
        double dx = Math.Cos(a), dz = Math.Sin(a); // beam direction in (A-P, R-L) mm
        double ex = -dz, ez = dx;                  // detector axis
        var width = (int)Math.Ceiling(2 * half / step) + 1;
        var depth = (Math.Abs(dx) * (ni - 1) * sx + Math.Abs(dz) * (nk - 1) * sz) / 2 * slab; // half the slab, along the beam
        var samples = (int)Math.Ceiling(2 * Math.Max(half * (slab < 1 ? 0 : 1), depth) / step) + 1;
        var start = slab < 1 ? -depth : -half;
        var o = new float[width * nj];
        for (var u = 0; u < width; u++)
        {
            var eu = -half + u * step;
            for (var j = 0; j < nj; j++)
            {
                double sum = 0;
                for (var t = 0; t < samples; t++)
                {
                    var tt = start + t * step;
                    double x = (cx + eu * ex + tt * dx) / sx, z = (cz + eu * ez + tt * dz) / sz;
                    sum += Mu(Bilinear(pilHu, x, j, z));
                }
                o[j * width + u] = (float)(1 - Math.Exp(-sum * step));
            }
        }
        // Detector axis at angle 0 is (0, 1) in (A-P, R-L): columns run right->left, as an AP radiograph viewed from the front shows them.
        return (o, width, nj, step, pilHu.Geometry.Spacing.Y);
    }

    /// <summary>Linear attenuation per mm of a Hounsfield value (0 for air and below).</summary>
    public static double Mu(double hu) => Math.Max(0, WaterMuPerMm * (hu + 1000) / 1000);

    /// <summary>Bilinear sample in the axial plane of row <paramref name="j"/>; -1000 HU (air) outside the volume.</summary>
    private static double Bilinear(Volume<float> v, double x, int j, double z)
    {
        if (x < 0 || z < 0 || x > v.SizeI - 1 || z > v.SizeK - 1) return -1000;
        int x0 = (int)x, z0 = (int)z, x1 = Math.Min(x0 + 1, v.SizeI - 1), z1 = Math.Min(z0 + 1, v.SizeK - 1);
        double fx = x - x0, fz = z - z0;
        double At(int i, int k) => v.Voxels[i + (long)v.SizeI * (j + (long)v.SizeJ * k)];
        return (At(x0, z0) * (1 - fx) + At(x1, z0) * fx) * (1 - fz) + (At(x0, z1) * (1 - fx) + At(x1, z1) * fx) * fz;
    }
}
