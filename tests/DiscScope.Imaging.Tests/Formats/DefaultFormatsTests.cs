using DiscScope.Imaging.Formats;
using DiscScope.Imaging.Geometry;
using DiscScope.TestSupport;

namespace DiscScope.Imaging.Tests.Formats;

/// <summary>The registry of every format: selection by file name, and by content when the name says nothing.</summary>
public class DefaultFormatsTests
{
    private static readonly FormatRegistry Registry = DefaultFormats.Create();

    [Theory]
    [InlineData("a.nii", "nifti")]
    [InlineData("A.NII.GZ", "nifti")]
    [InlineData("a.mha", "metaimage")]
    [InlineData("a.mhd", "metaimage")]
    [InlineData("a.png", "png")]
    [InlineData("a.jpg", "jpeg")]
    [InlineData("a.jpeg", "jpeg")]
    [InlineData("a.npy", "npy")]
    public void PicksTheFormatByName(string name, string format) => Assert.Equal(format, Registry.ByExtension(name)?.Name);

    [Theory]
    [InlineData(".nii", "nifti")]
    [InlineData(".mha", "metaimage")]
    [InlineData(".png", "png")]
    [InlineData(".npy", "npy")]
    public void RecognisesContentWithoutAnExtension(string writtenAs, string format)
    {
        using var tmp = new TempDir();
        var v = new Volume<byte>(ImageGeometry.Simple(3, 2, 1), [1, 2, 3, 4, 5, 6]);
        Registry.Write(v, tmp.File("x" + writtenAs));
        File.Move(tmp.File("x" + writtenAs), tmp.File("noext"));
        Assert.Equal(format, Registry.ForReading(tmp.File("noext")).Name);
        Assert.True(v.AsBytes().SequenceEqual(Registry.Read(tmp.File("noext")).AsBytes()));
    }

    [Fact]
    public void UnknownContentAndMissingFilesAreImageFormatExceptions()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("noext"), FileBytes.Noise(100));
        Assert.Throws<ImageFormatException>(() => Registry.Read(tmp.File("noext")));
        Assert.Throws<ImageFormatException>(() => Registry.Read(tmp.File("absent.nii")));
        Assert.Throws<ImageFormatException>(() => Registry.Write(new Volume<byte>(ImageGeometry.Simple(1, 1, 1)), tmp.File("x.jpg")));
    }

    [Fact]
    public void ShearedGeometrySurvivesNiftiAndMetaImage()
    {
        // Unit but non-orthogonal direction columns (as a sheared sform gives): the sform and MetaImage keep them exactly.
        var s = Math.Sqrt(0.5);
        var g = new ImageGeometry(3, 3, 2, new Vec3(0.5, 0.5, 2), new Vec3(1, 2, 3), Matrix3.FromColumns(new(1, 0, 0), new(s, s, 0), new(0, 0, 1)));
        var v = new Volume<float>(g);
        using var tmp = new TempDir();
        foreach (var ext in new[] { ".nii", ".nii.gz", ".mha", ".mhd" })
        {
            Registry.Write(v, tmp.File("s" + ext));
            // 1e-6: s = sqrt(0.5) goes through float32 in NIfTI (error ~3e-8), exact in MetaImage.
            VolumeAssert.SameGeometry(g, Registry.Read(tmp.File("s" + ext)).Geometry, 1e-6, ext);
        }
    }
}
