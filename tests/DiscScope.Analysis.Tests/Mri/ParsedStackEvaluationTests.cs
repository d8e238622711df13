using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;
using DiscScope.Evaluation;
using DiscScope.TestSupport;

namespace DiscScope.Analysis.Tests.Mri;

public sealed class ParsedStackEvaluationTests
{
    private static SpineParser Parser => new(new SliceSegmenter(new IntensityIsClassNetwork()));

    private static LabelledSlice Slice(string patient, string name, SyntheticSpine image, SyntheticSpine reference) =>
        new("test", patient, name, [.. image.Classes.Select(c => c * 100f)], reference.Classes, SyntheticSpine.W, SyntheticSpine.H, 1, 1);

    [Theory]
    [InlineData(0, Structure.Background)]
    [InlineData(1, Structure.Vertebra)]
    [InlineData(25, Structure.Vertebra)]
    [InlineData(SpineLabel.Sacrum, Structure.Background)] // SPIDER's masks stop at L5
    [InlineData(SpineLabel.Canal, Structure.Canal)]
    [InlineData(201, Structure.Disc)]
    [InlineData(209, Structure.Disc)]
    public void Output_labels_map_to_the_scored_classes(short label, Structure expected) =>
        Assert.Equal((byte)expected, ParsedStackEvaluation.ClassOf(label));

    [Fact]
    public void A_parsed_stack_matches_a_reference_that_leaves_out_the_sacrum()
    {
        // the image holds a sacrum, which the parser labels 26; the reference, like SPIDER's masks, has none
        var image = SyntheticSpine.Lumbar(6, sacrum: true);
        var reference = SyntheticSpine.Lumbar(6, sacrum: false);
        var slices = new[] { Slice("P1", "P1_slice10", image, reference), Slice("P1", "P1_slice9", image, reference), Slice("P1", "P1_slice11", image, reference) };
        var cases = ParsedStackEvaluation.Score(Parser, slices);
        Assert.Equal(3, cases.Count);
        foreach (var c in cases)
        {
            var dice = c.Labels.ToDictionary(l => l.Label ?? 0, l => l.Overlap.Dice ?? double.NaN);
            // The stand-in's classes pass through the network canvas (1.25 mm) and back, which moves edge pixels of these thin shapes
            // (measured: discs 0.94-0.97, canal 0.96, vertebrae 0.98), so the bounds are not 1. Scored as vertebra, the sacrum's
            // 1900 pixels would bring the vertebra Dice under 0.9.
            Assert.InRange(dice[1], 0.97, 1.0);
            Assert.InRange(dice[2], 0.93, 1.0);
            Assert.InRange(dice[3], 0.95, 1.0);
        }
    }

    [Fact]
    public void A_stack_without_a_spine_scores_every_class_as_missed()
    {
        var blank = new SyntheticSpine(); // all background: the parse finds no spine and outputs nothing
        var reference = SyntheticSpine.Lumbar(5);
        var cases = ParsedStackEvaluation.Score(Parser, [Slice("P2", "P2_slice1", blank, reference), Slice("P2", "P2_slice2", blank, reference)]);
        Assert.All(cases.SelectMany(c => c.Labels), l =>
        {
            Assert.Equal(SegmentationCase.PredictionEmpty, l.Overlap.Case);
            Assert.Equal(0.0, l.Overlap.Dice);
        });
    }

    [Fact]
    public void Slices_of_one_patient_must_share_their_grid()
    {
        var s = SyntheticSpine.Lumbar(5);
        var a = Slice("P3", "P3_slice1", s, s);
        var b = a with { Name = "P3_slice2", ColumnSpacing = 0.5 };
        Assert.Throws<ArgumentException>(() => ParsedStackEvaluation.Score(Parser, [a, b]));
    }

    [DataFact]
    public void The_shipped_model_parsed_on_a_spider_patient_keeps_the_network_disc_overlap()
    {
        // A sanity check on real slices (the shipped network trained on them, so this is no accuracy figure): parsing drops only what the
        // level rules reject, so the output's disc Dice stays near the network's raw disc Dice.
        using var net = OnnxSliceNetwork.Load(Path.Combine(SharedData.RepoRoot, "models", "segmentation", "spine-seg.onnx"), 2);
        var slices = SpiderData.SpaceSlices(SharedData.Folder!).Where(s => s.Patient == "107").ToList();
        Assert.Equal(5, slices.Count);
        double Disc(IEnumerable<SegmentationCaseResult> c) => c.SelectMany(x => x.Labels).Where(l => l.Label == 2).Average(l => l.Overlap.Dice!.Value);
        var raw = Disc(SliceEvaluation.Score(new SliceSegmenter(net), slices));
        var parsed = Disc(ParsedStackEvaluation.Score(new SpineParser(new SliceSegmenter(net)), slices));
        Assert.True(parsed > 0.8 && Math.Abs(parsed - raw) < 0.05, $"disc Dice raw {raw:F3}, parsed {parsed:F3}");
    }
}
