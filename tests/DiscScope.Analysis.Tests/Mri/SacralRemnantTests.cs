using DiscScope.Analysis.Mri;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SacralRemnantTests
{
    // Rectangles on a 1 mm grid 200 wide: area = w * h mm², centroid at their centre.
    private static Component2D Box(int x0, int y0, int x1, int y1)
    {
        var px = new List<int>();
        for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) px.Add(y * 200 + x);
        return ConnectedComponents.Describe([.. px], 200, 1, 1);
    }

    // Five discs 36 mm apart (lowest first, y 250 .. 106), 40 x 9 mm, and a 40 x 27 mm body between each pair.
    private static List<Component2D> Chain(int lowestHeight) =>
        [.. Enumerable.Range(0, 5).Select(k => k == 0 ? Box(40, 250 - lowestHeight / 2, 80, 250 - lowestHeight / 2 + lowestHeight) : Box(40, 246 - 36 * k, 80, 255 - 36 * k))];

    private static List<Component2D> Bodies(int lowestBodyWidth) =>
        [.. Enumerable.Range(0, 4).Select(k => Box(40, 218 - 36 * k, 40 + (k == 0 ? lowestBodyWidth : 40), 245 - 36 * k))];

    [Fact]
    public void A_small_lowest_disc_under_a_small_body_is_the_remnant()
    {
        Assert.True(SacralRemnant.IsRemnant(Chain(3), Bodies(15), LevelAssignmentOptions.Default));   // 120/360 disc, 405/1080 body
    }

    [Fact]
    public void A_small_lowest_disc_under_a_lumbar_body_is_kept()
    {
        Assert.False(SacralRemnant.IsRemnant(Chain(3), Bodies(40), LevelAssignmentOptions.Default));
        Assert.False(SacralRemnant.IsRemnant(Chain(3), Bodies(22), LevelAssignmentOptions.Default));  // 594/1080 = 0.55 >= 0.5
    }

    [Fact]
    public void A_full_sized_lowest_disc_is_kept_even_without_a_body_above()
    {
        Assert.False(SacralRemnant.IsRemnant(Chain(9), Bodies(15), LevelAssignmentOptions.Default));
        Assert.False(SacralRemnant.IsRemnant(Chain(5), Bodies(15), LevelAssignmentOptions.Default));  // 200/360 = 0.56 >= 0.5
    }

    [Fact]
    public void A_short_column_is_never_shortened()
    {
        Assert.False(SacralRemnant.IsRemnant(Chain(3)[..3], Bodies(15)[..2], LevelAssignmentOptions.Default));
    }
}
