using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;

namespace DiscScope.Training.Tests.DiscGrading;

public sealed class ReferenceAuditTests
{
    // Head order: pfirrmann, modic, herniation, bulging, narrowing, spondylolisthesis, endplate upper, lower.
    private static OutOfFoldPrediction Disc(string patient, int ivd, int grade, double[] pfirrmann, bool narrowing = false, int modic = 0, double pModicNone = 0.9) =>
        new(patient, ivd, 0, true, [grade - 1, modic, 0, 0, narrowing ? 1 : 0, 0, 0, 0],
            [pfirrmann, [pModicNone, 0.0, 1 - pModicNone, 0.0], [0.9, 0.1], [0.9, 0.1], [narrowing ? 0.2 : 0.8, narrowing ? 0.8 : 0.2], [0.9, 0.1], [0.9, 0.1], [0.9, 0.1]]);

    private static readonly double[] Two = [0.1, 0.8, 0.1, 0, 0], Three = [0, 0.1, 0.8, 0.1, 0], Four = [0, 0, 0.1, 0.8, 0.1];

    private static List<OutOfFoldPrediction> Planted() =>
    [
        // Patient 1: references one grade above the network at every disc; the first disc is graded 2 with narrowing.
        Disc("1", 1, 2, [0.8, 0.1, 0.1, 0, 0], narrowing: true), Disc("1", 2, 3, Two), Disc("1", 3, 4, Three),
        // Patients 2 and 3 agree with the network; patient 3's L5-S1 has a Modic change the network calls none with confidence.
        Disc("2", 1, 2, Two), Disc("2", 2, 3, Three), Disc("2", 3, 4, Four),
        Disc("3", 1, 2, Two, modic: 2, pModicNone: 0.95), Disc("3", 2, 3, Three), Disc("3", 3, 4, Four, modic: 2, pModicNone: 0.1),
    ];

    [Fact]
    public void A_planted_spine_graded_apart_and_a_self_contradicting_reference_are_found()
    {
        var audit = ReferenceAudit.Run(Planted(), new BootstrapOptions(Resamples: 100));
        Assert.Equal((9, 3), (audit.Discs, audit.Patients));
        Assert.Equal(["1:1"], audit.Inconsistent[ReferenceConsistency.LowGradeWithNarrowing]);
        Assert.Empty(audit.Inconsistent[ReferenceConsistency.GradeFiveWithoutNarrowing]);
        // Patient 1: reference minus expected grade (classes) = (1 - 0.3) + (2 - 1) + (3 - 2) = 2.7 over 3 discs.
        var offset = audit.PfirrmannOffsets.Single(o => o.Patient == "1");
        Assert.Equal(0.9, offset.MeanOffset, 12);
        Assert.All(audit.PfirrmannOffsets.Where(o => o.Patient != "1"), o => Assert.Equal(0, o.MeanOffset, 12));
        // Modic any-vs-none: thresholds 0.9 (mean P(none) of the 7 discs without) and (0.05 + 0.9) / 2 = 0.475 for the two with a change;
        // patient 3's L5-S1 (P(any) 0.05) reaches only "none": questioned, the only Modic one.
        var modic = audit.Heads.Single(h => h.Head == "modic_any");
        Assert.Equal(1, modic.Questioned);
        Assert.Null(modic.QuestionedFar);
        Assert.Contains(audit.Questioned, q => q is { Head: "modic_any", Patient: "3", IvdLabel: 1, Reference: 1, CountedAs: 0 });
        // The self-contradicting disc is its own group beside the eight others.
        Assert.Equal([(ReferenceAudit.Consistent, 8), (ReferenceAudit.Contradicting, 1)], audit.Consistency.Groups.Select(g => (g.Group, g.Discs)));
        // The questioned list starts with the reference the network believed least.
        Assert.Equal(audit.Questioned.Min(q => q.ReferenceProbability), audit.Questioned[0].ReferenceProbability);
    }

    [Fact]
    public void No_discs_is_refused() => Assert.Throws<ArgumentException>(() => ReferenceAudit.Run([]));
}
