using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class CanalColumnTests
{
    private static Component2D Region(double top, double bottom, double x, double area) =>
        new([], area, x, (top + bottom) / 2, top, bottom, 0, 1);

    [Fact]
    public void Keeps_the_largest_region_and_the_pieces_that_continue_it()
    {
        var main = Region(0, 200, 90, 2000);
        var belowStenosis = Region(210, 260, 92, 300);   // 10 mm gap, in line
        var pelvis = Region(300, 330, 60, 150);          // 40 mm below the column's end
        var aside = Region(100, 140, 20, 400);           // beside the column (70 mm anterior)
        var noise = Region(202, 205, 90, 50);            // under 5 % of the largest
        var column = CanalColumn.Select([pelvis, belowStenosis, main, aside, noise]);
        Assert.Equal([main, belowStenosis], column.OrderBy(c => c.TopYMm));
    }

    [Fact]
    public void Pieces_joined_step_by_step_stay_in_the_column()
    {
        var a = Region(0, 100, 90, 1000); var b = Region(120, 180, 90, 500); var c = Region(200, 240, 90, 300);
        Assert.Equal(3, CanalColumn.Select([c, b, a]).Count);
        Assert.Empty(CanalColumn.Select([]));
    }

    [Fact]
    public void A_piece_below_the_column_must_continue_its_lower_end_not_its_centroid()
    {
        // Canal curving backwards at its lower end (x 85-97 down to y 200, then x 92-110 down to y 260); under it a pelvic blob in front of
        // the lower end (x 60-80, 24 mm from the column's centroid but 30 mm anterior to its end) and a piece in line behind the end.
        var s = new SyntheticSpine()
            .Rect(Domain.Anatomy.Structure.Canal, 85, 0, 97, 200).Rect(Domain.Anatomy.Structure.Canal, 92, 200, 110, 260)
            .Rect(Domain.Anatomy.Structure.Canal, 60, 270, 80, 300)
            .Rect(Domain.Anatomy.Structure.Canal, 108, 268, 120, 300);
        var regions = ConnectedComponents.Find(s.Map, Domain.Anatomy.Structure.Canal);
        Assert.Equal(3, regions.Count);
        var column = CanalColumn.Select(regions, s.Map);
        Assert.Equal(2, column.Count);
        Assert.DoesNotContain(column, c => c.CentroidXMm < 80);
        Assert.Contains(column, c => c.CentroidXMm > 110 && c.TopYMm >= 268);
        // Without the map only centroids are known, and the pelvic blob passes for a continuation (the behaviour the map corrects).
        var withoutPosteriorPiece = regions.Where(c => c.CentroidXMm < 110).ToList();
        Assert.Equal(2, CanalColumn.Select(withoutPosteriorPiece).Count);
        Assert.Single(CanalColumn.Select(withoutPosteriorPiece, s.Map));
    }

    [Fact]
    public void KeepColumn_turns_stray_canal_pixels_into_background_and_leaves_the_rest()
    {
        var s = SyntheticSpine.Lumbar(6).Rect(Domain.Anatomy.Structure.Canal, 2, 120, 14, 140);
        var kept = CanalColumn.KeepColumn(s.Map);
        Assert.Equal((byte)Domain.Anatomy.Structure.Background, kept.Classes[130 * SyntheticSpine.W + 8]);
        Assert.Equal((byte)Domain.Anatomy.Structure.Canal, kept.Classes[130 * SyntheticSpine.W + 90]);
        Assert.Equal(s.Map.Count(Domain.Anatomy.Structure.Canal) - 12 * 20, kept.Count(Domain.Anatomy.Structure.Canal));
        Assert.Equal(s.Map.Count(Domain.Anatomy.Structure.Disc), kept.Count(Domain.Anatomy.Structure.Disc));
    }
}
