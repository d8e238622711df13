using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Tests.Mri.Data;

public sealed class PseudoLabelTests
{
    private static ParsedSpine Parse(int discs = 6, bool sacrum = true) =>
        Assert.IsType<ParsedSpine>(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(discs, sacrum).Map));

    private static SpiderData.Series Series(int numDiscs) => new("12_t1", "12", "t1", numDiscs, numDiscs + 1, 1, 1);

    [Fact]
    public void Accepts_a_clean_parse_with_the_series_disc_count_and_every_graded_disc()
    {
        Assert.Equal(PseudoLabel.Verdict.Accepted, PseudoLabel.Judge(Parse(), 6, new HashSet<int> { 1, 2, 3, 4, 5 }));
        Assert.Equal(PseudoLabel.Verdict.Accepted, PseudoLabel.Judge(Parse(), 6, null));
    }

    [Fact]
    public void Rejects_a_wrong_count_a_missing_graded_disc_a_warning_and_no_spine()
    {
        Assert.Equal(PseudoLabel.Verdict.DiscCountDiffers, PseudoLabel.Judge(Parse(), 7, null));
        Assert.Equal(PseudoLabel.Verdict.GradedDiscMissing, PseudoLabel.Judge(Parse(), 6, new HashSet<int> { 7 }));
        var warned = Parse() with { Warnings = [new LevelWarning(LevelWarningKind.IrregularDiscSpacing, "test")] };
        Assert.Equal(PseudoLabel.Verdict.LevelWarning, PseudoLabel.Judge(warned, 6, null));
        Assert.Equal(PseudoLabel.Verdict.NoSpine, PseudoLabel.Judge(new NoSagittalSpine(NoSpineReason.EmptyImage, "constant"), 6, null));
    }

    [Fact]
    public void The_mask_has_the_three_structures_and_the_sacrum_as_background_like_the_spider_masks()
    {
        short[] labels = [0, 1, 5, SpineLabel.Sacrum, SpineLabel.Canal, SpineLabel.DiscBase + 1, SpineLabel.DiscBase + 6];
        Assert.Equal(new byte[] { 0, 1, 1, 0, 3, 2, 2 }, PseudoLabel.Classes(labels));
    }

    [Fact]
    public void An_accepted_parse_becomes_a_training_slice_of_the_series_patient_and_spacing()
    {
        var s = SyntheticSpine.Lumbar(6);
        var p = Parse();
        var image = new float[SyntheticSpine.W * s.Map.Height];
        var (slice, verdict) = PseudoLabel.From(Series(6), image, SyntheticSpine.W, s.Map.Height, p, null);
        Assert.Equal(PseudoLabel.Verdict.Accepted, verdict);
        Assert.NotNull(slice);
        Assert.Equal("12", slice.Patient);
        Assert.Equal(p.Labels.Count(l => SpineLabel.StructureOf(l) == Structure.Disc), slice.Classes.Count(c => c == (byte)Structure.Disc));
        Assert.DoesNotContain(slice.Classes, c => c > 3);

        var (none, why) = PseudoLabel.From(Series(5), image, SyntheticSpine.W, s.Map.Height, p, null);
        Assert.Null(none);
        Assert.Equal(PseudoLabel.Verdict.DiscCountDiffers, why);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", false)]
    [InlineData("257", true)]
    [InlineData("100", false)]
    [InlineData("x7", true)]
    [InlineData("-2", true)]
    public void The_split_holds_out_odd_and_unparseable_patient_ids(string patient, bool heldOut) =>
        Assert.Equal(heldOut, MidSagittalSplit.IsHeldOut(patient));
}
