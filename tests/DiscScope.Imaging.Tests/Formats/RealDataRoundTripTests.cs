using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>Every real .mha (mri3d) and .nii.gz (ct, mri3d) read, written in each writable 3D format, and read back.</summary>
public class RealDataRoundTripTests
{
    private static readonly FormatRegistry Registry = DefaultFormats.Create();

    /// <summary>File endings of the writable 3D formats; .npy carries no geometry, so only voxels are compared there.</summary>
    private static readonly string[] Targets = [".nii", ".nii.gz", ".mha", ".mhd", ".npy"];

    [DataTheory]
    [MemberData(nameof(RealFiles.AllData), MemberType = typeof(RealFiles))]
    public void ReadWriteReadKeepsVoxelsTypeAndGeometry(string relative)
    {
        var path = RealFiles.Full(relative);
        if (RealFiles.IsRgb(relative))
        {
            // RGB24 has no DiscScope voxel type: it must be refused with a reason, not misread.
            var e = VolumeAssert.Refuses(() => Registry.Read(path), path);
            Assert.Contains("RGB24", e.Reason);
            return;
        }
        var original = Registry.Read(path);
        using var tmp = new TempDir();
        foreach (var ext in Targets)
        {
            var outPath = tmp.File("copy" + ext);
            Registry.Write(original, outPath);
            var back = Registry.Read(outPath);
            VolumeAssert.SameVoxels(original, back, $"{relative} -> {ext}");
            if (ext == ".npy")
            {
                Assert.Equal(original.Geometry with { Spacing = new(1, 1, 1), Origin = Vec3.Zero, Direction = Matrix3.Identity }, back.Geometry);
                continue;
            }
            // 1e-6 mm: NIfTI stores the affine as float32, but values that came from float32 (NIfTI sources) or short
            // decimals (these MetaImage headers) survive the double -> float32 -> double trip exactly up to rounding far below this.
            VolumeAssert.SameGeometry(original.Geometry, back.Geometry, 1e-6, $"{relative} -> {ext}");
        }
    }

    [DataFact]
    public void TheDataHoldsTheExpectedFiles()
    {
        // Guards the theory above against silently running over nothing: mri3d has 10 .mha, ct and mri3d 19 .nii.gz (FILES.tsv).
        Assert.Equal(10, RealFiles.MetaImages.Count);
        Assert.Equal(19, RealFiles.Niftis.Count);
    }
}
