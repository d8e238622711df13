using DiscScope.Imaging;
using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// The 5 FMRP/USP lumbar T2 volumes (mri3d/fmrp_ivd; research use, licence unverified) with per-level disc masks
/// (1 = L5-S1 .. 5 = L1-L2 = SPIDER IVD label). Their files carry an identity matrix; the MANIFEST states x = anterior->posterior,
/// y = superior->inferior, z = sagittal slice, so the volumes are returned in the canonical PIL frame (z taken as right->left, unverified).
/// </summary>
public static class FmrpData
{
    public static readonly string[] Cases = ["case11", "case20", "case25", "case42", "case46"];

    /// <summary>The canonical sagittal direction (columns P, rows I, slices L).</summary>
    public static Matrix3 PilDirection => Matrix3.FromColumns(new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(1, 0, 0));

    public static (Volume<float> Image, Volume<byte> DiscLevels) Load(string dataRoot, string caseId)
    {
        var dir = Path.Combine(dataRoot, "mri3d", "fmrp_ivd");
        var formats = DefaultFormats.Create();
        var img = formats.Read(Path.Combine(dir, caseId + "_image.mha"));
        var msk = formats.Read(Path.Combine(dir, caseId + "_ivd_mask.mha"));
        // The files' identity matrix is not their true orientation: keep the grid and spacing, state the MANIFEST's axes.
        var g = img.Geometry with { Origin = Vec3.Zero, Direction = PilDirection };
        return (new Volume<float>(g, img.ToFloat().Voxels), new Volume<byte>(g, msk.ToFloat().Voxels.Select(v => (byte)v).ToArray()));
    }
}
