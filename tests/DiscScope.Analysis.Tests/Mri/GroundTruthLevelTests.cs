using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Analysis.Tests.Mri;

/// <summary>Level assignment on real reference masks: the FMRP per-level disc masks and the SPIDER T2-SPACE 3-class masks.</summary>
public sealed class GroundTruthLevelTests(ITestOutputHelper log)
{
    [DataFact]
    public void Fmrp_discs_ordered_from_the_merged_mask_get_their_reference_levels()
    {
        foreach (var id in FmrpData.Cases)
        {
            var (_, levels) = FmrpData.Load(SharedData.Folder!, id);
            int w = levels.SizeI, h = levels.SizeJ, d = levels.SizeK;
            // The reference has discs only (no vertebrae, no sacrum): merge the levels into the disc class and name them again.
            var k = Enumerable.Range(0, d).MaxBy(z => levels.Voxels.Skip(z * w * h).Take(w * h).Count(v => v != 0));
            var cls = new byte[w * h];
            for (var i = 0; i < w * h; i++) cls[i] = levels.Voxels[k * w * h + i] != 0 ? (byte)Structure.Disc : (byte)0;
            var p = Assert.IsType<ParsedSpine>(SpineLevelAssigner.Assign(new ClassMap2D(cls, w, h, 1, 1)));
            Assert.Equal(5, p.Discs.Count);
            for (var i = 0; i < w * h; i++)
                if (levels.Voxels[k * w * h + i] != 0) Assert.Equal(200 + levels.Voxels[k * w * h + i], p.Labels[i]);
        }
    }

    [DataFact]
    public void Spider_reference_masks_parse_with_plausible_disc_counts()
    {
        var overview = SpiderData.Overview(SharedData.Folder!);
        var slices = SpiderData.SpaceSlices(SharedData.Folder!);
        int parsed = 0, sacrum = 0, countOk = 0;
        foreach (var s in slices)
        {
            var r = SpineLevelAssigner.Assign(s.ClassMap);
            if (r is not ParsedSpine p) { log.WriteLine($"{s.Name}: {r}"); continue; }
            parsed++;
            if (p.SacrumFound) sacrum++;
            var series = s.Name[..s.Name.LastIndexOf("_slice", StringComparison.Ordinal)];
            if (p.Discs.Count == overview[series].NumDiscs) countOk++;
            else log.WriteLine($"{s.Name}: {p.Discs.Count} discs vs {overview[series].NumDiscs}; {string.Join("; ", p.Warnings)}");
        }
        log.WriteLine($"parsed {parsed}/{slices.Count}, sacrum {sacrum}, disc count = overview {countOk}");
        Assert.Equal(slices.Count, parsed);
        Assert.True(countOk >= 0.8 * slices.Count, $"disc count matched on {countOk}/{slices.Count}");
    }
}
