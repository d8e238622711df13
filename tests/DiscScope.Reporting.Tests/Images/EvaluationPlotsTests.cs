using DiscScope.Reporting;
using DiscScope.Reporting.Images;
using SkiaSharp;

namespace DiscScope.Reporting.Tests.Images;

public sealed class EvaluationPlotsTests
{
    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");

    [Fact]
    public void A_perfect_classifier_s_ROC_runs_up_the_left_edge_and_along_the_top()
    {
        using var bmp = Decode(EvaluationPlots.Roc([(0, 1)], "perfect"));
        Assert.Equal(480, bmp.Width);
        Assert.Equal(480, bmp.Height);
        // Plot area 64..416 px; the curve goes (0,0) -> (0,1) -> (1,1): blue at the left edge half-way up and on the top edge half-way along.
        static bool Blue(SKColor c) => c.Blue > 150 && c.Red < 80;
        Assert.True(Blue(bmp.GetPixel(64, 240)), $"left edge {bmp.GetPixel(64, 240)}");
        Assert.True(Blue(bmp.GetPixel(240, 64)), $"top edge {bmp.GetPixel(240, 64)}");
        Assert.False(Blue(bmp.GetPixel(300, 300)), "nothing drawn below the diagonal");
    }

    [Fact]
    public void Confusion_cells_are_darker_where_a_row_s_share_is_higher()
    {
        using var bmp = Decode(EvaluationPlots.Confusion([[9, 1], [2, 8]], ["0", "1"], "test"));
        // 2 x 2 cells of 176 px from (64, 64); sample near each cell's corner, away from the count text.
        var strong = bmp.GetPixel(64 + 10, 64 + 10);        // row 0, col 0: 90 %
        var weak = bmp.GetPixel(64 + 176 + 10, 64 + 10);    // row 0, col 1: 10 %
        Assert.True(strong.Red < weak.Red, $"{strong} vs {weak}");
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ReportingException>(() => EvaluationPlots.Roc([(1.5, 0.2)], "x"));
        Assert.Throws<ReportingException>(() => EvaluationPlots.Confusion([[1, 2]], ["a", "b"], "x"));
        Assert.Throws<ReportingException>(() => EvaluationPlots.Confusion([[1, -2], [0, 1]], ["a", "b"], "x"));
    }
}
