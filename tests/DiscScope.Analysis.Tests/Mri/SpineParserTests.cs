using DiscScope.Analysis.Mri;
using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SpineParserTests
{
    private static SpineParser Parser => new(new SliceSegmenter(new IntensityIsClassNetwork()));

    [Fact]
    public void A_2D_image_is_parsed_and_labelled_on_its_own_grid()
    {
        var s = SyntheticSpine.Lumbar(6);
        var v = new Volume<float>(ImageGeometry.Simple(SyntheticSpine.W, SyntheticSpine.H, 1), [.. s.Classes.Select(c => c * 100f)]);
        var r = Parser.Parse(v);
        var p = Assert.IsType<ParsedSpine>(r.Result);
        Assert.Equal(6, p.Discs.Count);
        Assert.True(r.Labels!.Geometry.SameAs(v.Geometry));
        Assert.Equal(201, r.Labels[60, 250, 0]);
        Assert.Equal(1, r.Labels[60, 230, 0]);
        Assert.Equal(SpineLabel.Canal, r.Labels[90, 100, 0]);
    }

    [Fact]
    public void A_sagittal_series_stored_in_another_axis_order_comes_back_on_the_input_grid()
    {
        // Store the PIL slices as i = inferior, j = anterior (flipped), k = right ("IAR"), an unusual but valid sagittal layout.
        var s = SyntheticSpine.Lumbar(5);
        const int d = 5, w = SyntheticSpine.W, h = SyntheticSpine.H;
        var g = new ImageGeometry(h, w, d, new Vec3(1, 1, 4), new Vec3(10, 20, 30),
            Matrix3.FromColumns(new Vec3(0, 0, -1), new Vec3(0, -1, 0), new Vec3(-1, 0, 0)));
        var v = new Volume<float>(g);
        for (var z = 0; z < d; z++) for (var y = 0; y < h; y++) for (var x = 0; x < w; x++)
            v[y, w - 1 - x, z] = s.Classes[y * w + x] * 100f;
        var r = Parser.Parse(v);
        var p = Assert.IsType<ParsedSpine>(r.Result);
        Assert.Equal(5, p.Discs.Count);
        Assert.True(r.Labels!.Geometry.SameAs(g));
        for (var z = 0; z < d; z++)
        {
            Assert.Equal(201, r.Labels[250, w - 1 - 60, z]);
            Assert.Equal(2, r.Labels[195, w - 1 - 60, z]);
        }
    }

    [Fact]
    public void Axial_series_and_constant_images_give_no_spine_with_reason()
    {
        var axial = new Volume<float>(new ImageGeometry(32, 32, 8, new Vec3(1, 1, 4), Vec3.Zero, Matrix3.Identity));
        axial.Voxels[5] = 1;
        var a = Assert.IsType<NoSagittalSpine>(Parser.Parse(axial).Result);
        Assert.Equal(NoSpineReason.NotSagittal, a.Kind);
        var flat = new Volume<float>(ImageGeometry.Simple(64, 64, 1));
        Assert.Equal(NoSpineReason.EmptyImage, Assert.IsType<NoSagittalSpine>(Parser.Parse(flat).Result).Kind);
        Assert.Null(Parser.Parse(flat).Labels);
    }

    [Fact]
    public void A_spine_whose_pixel_spacing_makes_it_too_small_is_flagged()
    {
        // The synthetic spine (200 x 320 pixels) stated at 0.4 mm: 80 x 128 mm, shorter than any lumbar MR.
        var s = SyntheticSpine.Lumbar(6);
        var v = new Volume<float>(new ImageGeometry(SyntheticSpine.W, SyntheticSpine.H, 1, new Vec3(0.4, 0.4, 1), Vec3.Zero, Matrix3.Identity),
            [.. s.Classes.Select(c => c * 100f)]);
        var r = Parser.Parse(v).Result;
        var why = r switch
        {
            ParsedSpine p => Assert.Single(p.Warnings, w => w.Kind == LevelWarningKind.UnusualFieldOfView).Detail,
            NoSagittalSpine n => n.Reason,
            _ => throw new InvalidOperationException(),
        };
        Assert.Contains("80 x 128 mm", why);
        Assert.Contains("check the pixel spacing", why);
    }

    private sealed class MustNotRunNetwork : ISliceSegmentationNetwork
    {
        public SliceCanvas Canvas { get; } = new() { Width = 224, Height = 272, SpacingMm = 1.25 };
        public float[] Predict(float[] batch, int count, int height, int width) => throw new InvalidOperationException("the network must not run");
    }

    [Fact]
    public void An_image_far_larger_than_any_MR_is_refused_before_segmentation()
    {
        // The synthetic spine stated at 8 mm per pixel: 1600 x 2560 mm. The canvas would be 1143 x 1829 pixels of mostly nothing.
        var s = SyntheticSpine.Lumbar(6);
        var v = new Volume<float>(new ImageGeometry(SyntheticSpine.W, SyntheticSpine.H, 1, new Vec3(8, 8, 1), Vec3.Zero, Matrix3.Identity),
            [.. s.Classes.Select(c => c * 100f)]);
        var r = new SpineParser(new SliceSegmenter(new MustNotRunNetwork())).Parse(v);
        var n = Assert.IsType<NoSagittalSpine>(r.Result);
        Assert.Equal(NoSpineReason.ImageTooLarge, n.Kind);
        Assert.Contains("1600 x 2560 x 1 mm", n.Reason);
        Assert.Null(r.Labels);
    }

    [Fact]
    public void The_same_spine_at_a_plausible_spacing_is_not_flagged()
    {
        var s = SyntheticSpine.Lumbar(6);
        var v = new Volume<float>(ImageGeometry.Simple(SyntheticSpine.W, SyntheticSpine.H, 1), [.. s.Classes.Select(c => c * 100f)]);
        var p = Assert.IsType<ParsedSpine>(Parser.Parse(v).Result);
        Assert.DoesNotContain(p.Warnings, w => w.Kind == LevelWarningKind.UnusualFieldOfView);
    }

    [Fact]
    public void A_non_spine_image_gives_no_spine()
    {
        var v = new Volume<float>(ImageGeometry.Simple(200, 200, 1));
        for (var i = 0; i < v.Voxels.Length; i++) v.Voxels[i] = i % 200 < 100 ? 0 : 300; // half canal-bright, half background: no discs
        Assert.Equal(NoSpineReason.NoSpineStructures, Assert.IsType<NoSagittalSpine>(Parser.Parse(v).Result).Kind);
    }

    [Fact]
    public void Disc_level_agreement_counts_reference_discs_named_right()
    {
        var g = ImageGeometry.Simple(4, 1, 1);
        var pred = new Volume<short>(g, [201, 202, 202, 0]);
        var gt = new Volume<byte>(g, [1, 2, 3, 0]);
        var r = DiscLevelAgreement.Compare(pred, gt);
        Assert.Equal(2, r.Correct);
        Assert.False(r.Discs.Single(d => d.ReferenceIvdLabel == 3).Correct);
        Assert.Equal(1.0, r.MergedDiscDice);
    }
}
