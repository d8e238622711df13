using DiscScope.Analysis.Mri;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SagittalCheckTests
{
    private static ImageGeometry G(Vec3 c0, Vec3 c1, Vec3 c2, int k = 5) => new(8, 8, k, new Vec3(1, 1, 3), Vec3.Zero, Matrix3.FromColumns(c0, c1, c2));

    [Fact]
    public void Sagittal_stack_passes()
    {
        // DICOM sagittal: rows along P, columns along I (F), slices along L.
        Assert.Null(SagittalCheck.Orientation(G(new(0, 1, 0), new(0, 0, -1), new(1, 0, 0))));
        Assert.Null(SagittalCheck.Orientation(G(new(0, 1, 0), new(0, 0, -1), new(-1, 0, 0))));
    }

    [Fact]
    public void Axial_and_coronal_stacks_are_rejected_with_reason()
    {
        var ax = SagittalCheck.Orientation(G(new(1, 0, 0), new(0, 1, 0), new(0, 0, 1)));
        Assert.Equal(NoSpineReason.NotSagittal, ax!.Kind);
        Assert.Contains("axial", ax.Reason);
        var cor = SagittalCheck.Orientation(G(new(1, 0, 0), new(0, 0, -1), new(0, 1, 0)));
        Assert.Contains("coronal", cor!.Reason);
    }

    [Fact]
    public void A_bare_2D_image_has_unknown_plane_and_passes()
    {
        Assert.Null(SagittalCheck.Orientation(ImageGeometry.Simple(64, 64, 1)));
    }

    [Fact]
    public void Constant_images_are_rejected()
    {
        var v = new Volume<float>(ImageGeometry.Simple(16, 16, 1));
        Array.Fill(v.Voxels, 7f);
        Assert.Equal(NoSpineReason.EmptyImage, SagittalCheck.Signal(v)!.Kind);
        Assert.Equal(NoSpineReason.EmptyImage, SagittalCheck.Signal(new Volume<float>(ImageGeometry.Simple(16, 16, 1)))!.Kind);
        v.Voxels[3] = 100;
        Assert.Null(SagittalCheck.Signal(v));
    }
}
