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
