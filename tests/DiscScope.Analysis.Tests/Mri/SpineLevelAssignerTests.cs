using DiscScope.Analysis.Mri;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class SpineLevelAssignerTests
{
    private static ParsedSpine Parsed(SpineParseResult r) => Assert.IsType<ParsedSpine>(r);

    [Fact]
    public void Names_discs_bottom_up_from_the_sacrum()
    {
        var p = Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(6).Map));
        Assert.True(p.SacrumFound);
        Assert.Equal(["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2", "T12-L1"], p.Discs.Select(d => d.Level.ToString()));
        Assert.Equal([201, 202, 203, 204, 205, 206], p.Discs.Select(d => (int)d.Label));
        Assert.Equal(1.0, p.Confidence);
        Assert.Empty(p.Warnings);
        Assert.False(p.TransitionalSuspected);
    }

    [Fact]
    public void Vertebral_bodies_take_spider_labels_and_the_sacrum_its_own()
    {
        var s = SyntheticSpine.Lumbar(6);
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(SpineLabel.Sacrum, p.Labels[280 * SyntheticSpine.W + 60]);
        Assert.Equal(1, p.Labels[230 * SyntheticSpine.W + 60]);      // L5 body: between L5-S1 (y 250) and L4-L5 (y 214)
        Assert.Equal(2, p.Labels[195 * SyntheticSpine.W + 60]);      // L4
        Assert.Equal(SpineLabel.Canal, p.Labels[100 * SyntheticSpine.W + 90]);
        Assert.Equal([VertebraLevel.S1, VertebraLevel.L5, VertebraLevel.L4, VertebraLevel.L3, VertebraLevel.L2, VertebraLevel.L1, VertebraLevel.T12],
            p.Vertebrae.Select(v => v.Level));
    }

    [Fact]
    public void Spinous_processes_get_levels_but_are_not_counted_as_bodies()
    {
        var p = Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(5).Map));
        Assert.Equal(2, p.Labels[(250 - 36 - 20) * SyntheticSpine.W + 115]); // spinous process drawn with the L4 body
        var l5 = p.Vertebrae.Single(v => v.Level == VertebraLevel.L5);
        Assert.True(l5.CentroidXMm < 85, "body centroid lies anterior to the canal");
        Assert.InRange(l5.AreaMm2, 40 * 26 - 1, 40 * 26 + 1); // 27 rows drawn, the top one overwritten by the L4-L5 disc
    }

    [Fact]
    public void Without_sacrum_the_lowest_disc_is_L5S1_and_an_image_ending_there_is_flagged()
    {
        var s = SyntheticSpine.Lumbar(5, sacrum: false);
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.False(p.SacrumFound);
        Assert.Equal(DiscLevel.L5S1, p.Discs[0].Level);
        Assert.Empty(p.Warnings); // masks like SPIDER's do not segment the sacrum: its absence alone is normal

        var cropped = new ClassMap2D(s.Classes[..(262 * SyntheticSpine.W)], SyntheticSpine.W, 262, 1, 1);
        var c = Parsed(SpineLevelAssigner.Assign(cropped));
        Assert.Equal(DiscLevel.L5S1, c.Discs[0].Level);
        Assert.Contains(c.Warnings, w => w.Kind == LevelWarningKind.SacrumNotSeen);
        Assert.True(c.Confidence < 0.7);
    }

    [Fact]
    public void A_rudimentary_lowest_disc_flags_transitional_anatomy()
    {
        var p = Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(6, lowestDiscHeight: 2).Map));
        Assert.True(p.TransitionalSuspected);
        Assert.True(p.Confidence < 1);
        // Its L5 body above is of lumbar size, so it stays L5-S1 (not taken for the S1-S2 remnant).
        Assert.Equal(6, p.Discs.Count);
        Assert.Equal(250, p.Discs[0].CentroidYMm, 1.0);
        Assert.DoesNotContain(p.Warnings, w => w.Kind == LevelWarningKind.SacralDiscRemnant);
    }

    [Fact]
    public void A_small_disc_under_a_body_that_is_not_lumbar_sized_is_the_S1S2_remnant_not_L5S1()
    {
        // The lowest "disc" (y 249-251, 120 mm² vs 360) sits under a 15 x 15 mm bone fragment (the S1 segment, which SPIDER-style masks leave
        // mostly unlabelled) instead of a 40 x 27 mm body: the disc above it (y 214) is L5-S1.
        var s = SyntheticSpine.Lumbar(6, sacrum: false, lowestDiscHeight: 3);
        s.Rect(Structure.Background, 40, 218, 81, 246).Rect(Structure.Vertebra, 40, 225, 55, 240);
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"], p.Discs.Select(d => d.Level.ToString()));
        Assert.Equal(214, p.Discs[0].CentroidYMm, 1.0);
        Assert.Contains(p.Warnings, w => w.Kind == LevelWarningKind.SacralDiscRemnant);
        Assert.DoesNotContain(p.Warnings, w => w.Kind == LevelWarningKind.TransitionalAnatomySuspected);
        Assert.True(p.Confidence < 1);
        Assert.Equal(0, p.Labels[250 * SyntheticSpine.W + 60]);                  // the remnant is not named
        Assert.Equal(SpineLabel.Sacrum, p.Labels[232 * SyntheticSpine.W + 47]);  // the fragment above it lies below L5-S1
        Assert.Equal(1, p.Labels[200 * SyntheticSpine.W + 60]);                  // L5 body
    }

    [Fact]
    public void A_missing_disc_shows_as_irregular_spacing()
    {
        var s = SyntheticSpine.Lumbar(6);
        s.Rect(Structure.Vertebra, 40, 250 - 3 * 36 - 5, 80, 250 - 3 * 36 + 6); // paint over L2-L3
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(5, p.Discs.Count);
        Assert.Contains(p.Warnings, w => w.Kind == LevelWarningKind.IrregularDiscSpacing);
    }

    [Fact]
    public void Disc_like_blobs_off_the_column_are_ignored()
    {
        var s = SyntheticSpine.Lumbar(5);
        s.Rect(Structure.Disc, 150, 20, 190, 30);      // posterior to the canal
        s.Rect(Structure.Disc, 2, 300, 30, 310);       // far below, off the column
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(5, p.Discs.Count);
        Assert.Equal(0, p.Labels[25 * SyntheticSpine.W + 170]);
    }

    [Fact]
    public void A_lumbar_body_under_the_lowest_disc_found_means_L5S1_was_missed()
    {
        var s = SyntheticSpine.Lumbar(6, sacrum: false);
        s.Rect(Structure.Background, 40, 245, 80, 256); // L5-S1 not segmented; the L5 body (y 218-245) stays
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(["L4-L5", "L3-L4", "L2-L3", "L1-L2", "T12-L1"], p.Discs.Select(d => d.Level.ToString()));
        Assert.Contains(p.Warnings, w => w.Kind == LevelWarningKind.LowestDiscNotSegmented);
        Assert.True(p.Confidence < 1);
        Assert.False(p.SacrumFound);
        Assert.Equal(1, p.Labels[235 * SyntheticSpine.W + 60]);    // L5
        Assert.Equal(2, p.Labels[195 * SyntheticSpine.W + 60]);    // L4
    }

    [Fact]
    public void An_L5S1_disc_beyond_the_end_of_the_canal_is_taken_back_when_it_lies_right_under_L5()
    {
        // As on many T1 slices: the network found L5-S1 (y 246-254) but the canal it found ends at y 221, so the disc is not "in front of the canal".
        var s = SyntheticSpine.Lumbar(6, sacrum: false, canal: false).Rect(Structure.Canal, 85, 0, 97, 222);
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2", "T12-L1"], p.Discs.Select(d => d.Level.ToString()));
        Assert.DoesNotContain(p.Warnings, w => w.Kind == LevelWarningKind.LowestDiscNotSegmented);
        Assert.Equal(201, p.Labels[250 * SyntheticSpine.W + 60]);
        Assert.Equal(1, p.Labels[235 * SyntheticSpine.W + 60]);    // L5
    }

    [Fact]
    public void A_region_below_L5_that_does_not_touch_it_is_not_taken_for_L5S1()
    {
        var s = SyntheticSpine.Lumbar(6, sacrum: false, canal: false).Rect(Structure.Canal, 85, 0, 97, 222);
        s.Rect(Structure.Background, 40, 245, 80, 256);  // L5-S1 not segmented
        s.Rect(Structure.Disc, 40, 262, 80, 271);        // a disc-like region 17 mm under the L5 body (pelvis)
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal("L4-L5", p.Discs[0].Level.ToString());
        Assert.Contains(p.Warnings, w => w.Kind == LevelWarningKind.LowestDiscNotSegmented);
        Assert.Equal(0, p.Labels[266 * SyntheticSpine.W + 60]);
    }

    [Fact]
    public void A_sacrum_under_L5S1_does_not_shift_the_levels()
    {
        var p = Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(6).Map));
        Assert.DoesNotContain(p.Warnings, w => w.Kind == LevelWarningKind.LowestDiscNotSegmented);
        Assert.Equal(DiscLevel.L5S1, p.Discs[0].Level);
    }

    [Fact]
    public void Fragments_of_one_disc_are_merged()
    {
        var s = SyntheticSpine.Lumbar(5);
        s.Rect(Structure.Vertebra, 58, 250 - 36 - 5, 62, 250 - 36 + 6); // split L4-L5 in two halves
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(5, p.Discs.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Fewer_than_three_discs_is_no_spine(int discs)
    {
        var r = Assert.IsType<NoSagittalSpine>(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(discs).Map));
        Assert.Equal(NoSpineReason.NoSpineStructures, r.Kind);
        Assert.StartsWith("no sagittal spine found: ", r.Message);
    }

    [Fact]
    public void Three_discs_are_a_column_but_not_reported_as_a_lumbar_spine()
    {
        var r = Assert.IsType<NoSagittalSpine>(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(3).Map));
        Assert.Equal(NoSpineReason.NoSpineStructures, r.Kind);
        Assert.Contains("only 3 disc(s) found (a sagittal lumbar MR shows at least 4, L2-L3 to L5-S1)", r.Message);
        // Four are: the same phantom one disc taller.
        Assert.Equal(4, Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(4).Map)).Discs.Count);
        // The threshold is an option: at 3 the three-disc column is named.
        Assert.Equal(3, Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(3).Map, new LevelAssignmentOptions { MinReportedDiscs = 3 })).Discs.Count);
    }

    [Fact]
    public void Discs_side_by_side_are_not_a_column()
    {
        var s = new SyntheticSpine();
        for (var i = 0; i < 4; i++) s.Rect(Structure.Disc, 10 + 45 * i, 100, 45 + 45 * i, 108);
        Assert.IsType<NoSagittalSpine>(SpineLevelAssigner.Assign(s.Map));
    }

    [Fact]
    public void Vertebra_and_disc_labels_at_points_follow_the_disc_planes()
    {
        var p = Parsed(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(5).Map));
        Assert.Equal(201, SpineLevelAssigner.DiscLabelAt(p.Discs, 60, 252));
        Assert.Equal(0, SpineLevelAssigner.DiscLabelAt(p.Discs, 60, 232)); // mid-body: > 10 mm from every disc plane
        Assert.Equal(1, SpineLevelAssigner.VertebraLabelAt(p.Discs, 60, 232));
        Assert.Equal(SpineLabel.Sacrum, SpineLevelAssigner.VertebraLabelAt(p.Discs, 60, 270));
    }

    [Fact]
    public void A_pelvic_region_in_front_of_and_below_L5S1_is_not_taken_for_the_lowest_disc()
    {
        // A disc-like region 22 mm anterior and 37 mm below L5-S1 with bone above it passes every other disc test (canal in range,
        // bone above, gap within the column's spacing); only its anterior position gives it away.
        var s = SyntheticSpine.Lumbar(6).Rect(Structure.Vertebra, 20, 262, 55, 280).Rect(Structure.Disc, 20, 283, 55, 293);
        var fooled = Parsed(SpineLevelAssigner.Assign(s.Map, LevelAssignmentOptions.Default with { MaxLowestDiscAnteriorShiftMm = double.PositiveInfinity }));
        Assert.Equal(7, fooled.Discs.Count);
        Assert.InRange(fooled.Discs[0].CentroidYMm, 283, 293);

        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(6, p.Discs.Count);
        Assert.Equal(DiscLevel.L5S1, p.Discs[0].Level);
        Assert.InRange(p.Discs[0].CentroidYMm, 245, 255);
    }

    [Fact]
    public void A_stray_canal_region_away_from_the_column_is_not_labelled_canal()
    {
        // Measurements read the canal label (AP diameter, CSF of the signal ratio): a canal-class blob at the image edge must not join it.
        var s = SyntheticSpine.Lumbar(6).Rect(Structure.Canal, 2, 120, 14, 140);
        var p = Parsed(SpineLevelAssigner.Assign(s.Map));
        Assert.Equal(0, p.Labels[130 * SyntheticSpine.W + 8]);
        Assert.Equal(SpineLabel.Canal, p.Labels[130 * SyntheticSpine.W + 90]);
    }

    [Fact]
    public void An_upside_down_map_is_flagged_and_an_upright_one_is_not()
    {
        var upright = SyntheticSpine.Lumbar(6);
        var parsed = Assert.IsType<ParsedSpine>(SpineLevelAssigner.Assign(upright.Map));
        Assert.DoesNotContain(parsed.Warnings, w => w.Kind == LevelWarningKind.ImageUpsideDown);

        // The same spine mirrored top to bottom: the canal (rows 0-289 of 320) now runs into the bottom edge and starts 30 mm down.
        var flipped = new byte[upright.Classes.Length];
        for (var y = 0; y < SyntheticSpine.H; y++)
            Array.Copy(upright.Classes, y * SyntheticSpine.W, flipped, (SyntheticSpine.H - 1 - y) * SyntheticSpine.W, SyntheticSpine.W);
        var result = SpineLevelAssigner.Assign(new ClassMap2D(flipped, SyntheticSpine.W, SyntheticSpine.H, 1, 1));
        var p = Assert.IsType<ParsedSpine>(result);
        var w = Assert.Single(p.Warnings, w => w.Kind == LevelWarningKind.ImageUpsideDown);
        Assert.Contains("30 mm below the top edge", w.Detail);
        Assert.True(p.Confidence <= 0.3, $"confidence {p.Confidence}");
    }
}
