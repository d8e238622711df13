using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Pipeline;
using DiscScope.Analysis.Tests.DiscGrading;
using DiscScope.Analysis.Tests.Mri;
using DiscScope.Domain.Measurements;

namespace DiscScope.Analysis.Tests.Pipeline;

public sealed class StudyAnalyzerTests
{
    [Fact]
    public void Each_disc_with_an_incomplete_segmentation_gets_one_warning_naming_what_was_not_measured()
    {
        var spine = Assert.IsType<ParsedSpine>(SpineLevelAssigner.Assign(SyntheticSpine.Lumbar(5, true).Map));
        var ivds = spine.Discs.Select(d => d.SpiderIvdLabel).Order().ToList();
        Assert.Equal([1, 2, 3, 4, 5], ivds);
        var byIvd = ivds.ToDictionary(k => k, DiscSegmentationQualityTests.Complete);
        Assert.Empty(StudyAnalyzer.IncompleteSegmentationNotes(spine, byIvd));

        byIvd[2] = byIvd[2] with { CanalApDiameter = null, SignalIntensityRatio = null };
        byIvd.Remove(4);
        var notes = StudyAnalyzer.IncompleteSegmentationNotes(spine, byIvd).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("L2-L3: segmentation incomplete around the disc (anterior height,", notes[0]); // top first, as the report lists levels
        Assert.Equal("L4-L5: segmentation incomplete around the disc (signal ratio to CSF, canal AP diameter not measured): its grades are flagged for review", notes[1]);
    }
}
