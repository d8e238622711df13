using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Mri;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;

namespace DiscScope.Analysis.Pipeline;

/// <summary>
/// The clinical flow for sagittal lumbar MR: parse (segment, name levels) -> measure the mid-sagittal slice -> grade each disc (T2 + T1)
/// -> one <see cref="StudyReport"/>. A study without a recognisable sagittal spine gets a report that says why, with no findings.
/// </summary>
public sealed class StudyAnalyzer(SpineParser parser, DiscGrader? grader, IReadOnlyList<ModelInfo> models, string softwareVersion)
{
    /// <summary>Where the heatmap of a disc's grading goes, relative to the report folder.</summary>
    public static string HeatmapPath(DiscLevel level, Grading grading) => $"heatmaps/{level}_{grading.ToString().ToLowerInvariant()}.png";

    public StudyAnalysis Analyze(StudyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = new StudyReport { Source = input.Source, SoftwareVersion = softwareVersion, Models = models };
        if (ModalityCheck.Of(input.Source.Modality) is { } notMr) return new StudyAnalysis(report with { CannotAssess = notMr.ToString() }, null, null, null, []);
        var (t2Image, seg, t2Flipped) = parser.ParseUpright(input.T2);
        if (seg.Result is not ParsedSpine spine)
            return new StudyAnalysis(report with { CannotAssess = seg.Result.ToString() }, null, null, null, []);

        var (canonImage, canonLabels) = Canonical(t2Image, seg);
        var (midImage, midLabels) = MidSlices(canonImage, canonLabels, seg.MidSagittalSlice);
        var measured = SpineMorphometry.Measure(midLabels, midImage);
        var warnings = spine.Warnings.Select(w => w.ToString()).ToList();
        var t1Input = IsT1(input.Source);
        if (t2Flipped) warnings.Add(FlippedNote(t1Input ? "T1" : "T2"));
        if (t1Input)
        {
            // The signal ratio and every grading read T2 contrast (nucleus and CSF bright); on a T1 they would be invented findings.
            measured = measured with { Discs = [.. measured.Discs.Select(m => m with { SignalIntensityRatio = null })] };
            warnings.Add(T1InputNote);
        }

        IReadOnlyList<DiscGradingResult> graded = [];
        var activeGrader = t1Input ? null : grader; // a T1 input is measured, not graded
        if (grader is null) warnings.Add("grading model not available: discs are measured, not graded");
        if (activeGrader is not null)
        {
            var t2 = Crops(midImage, spine);
            Dictionary<int, float[]>? t1 = null;
            if (input.T1 is not null)
            {
                var (t1Image, s1, t1Flipped) = parser.ParseUpright(input.T1);
                if (s1.Result is ParsedSpine p1)
                {
                    var mismatch = T1Pairing.Mismatch([.. spine.Discs.Select(d => d.SpiderIvdLabel)], [.. p1.Discs.Select(d => d.SpiderIvdLabel)]);
                    if (mismatch is null)
                    {
                        if (t1Flipped) warnings.Add(FlippedNote("T1"));
                        var (i1, l1) = Canonical(t1Image, s1);
                        t1 = Crops(MidSlices(i1, l1, s1.MidSagittalSlice).Image, p1);
                    }
                    else warnings.Add($"T1 not used: {mismatch}");
                }
                else warnings.Add($"T1 not used: {s1.Result}");
            }
            var byIvd = MeasurementsByIvd(spine, measured);
            graded = activeGrader.Grade(t2, t1, spine.Confidence, byIvd);
            warnings.AddRange(IncompleteSegmentationNotes(spine, byIvd));
        }

        var levels = spine.Discs.OrderByDescending(d => d.SpiderIvdLabel).Select(d =>
        {
            var g = graded.FirstOrDefault(x => x.IvdLabel == d.SpiderIvdLabel);
            var heatmaps = g is null ? new Dictionary<Grading, string>() : g.Heatmaps.Keys.ToDictionary(k => k, k => HeatmapPath(d.Level, k));
            return new LevelReport(d.Level, g?.Grades ?? new DiscGrades(), measured.Discs.FirstOrDefault(m => m.Level == d.Level), heatmaps) { LevelConfidence = spine.Confidence };
        }).ToList();

        report = report with { Levels = levels, Vertebrae = measured.Vertebrae, LumbarLordosis = measured.LumbarLordosis, Warnings = warnings };
        return new StudyAnalysis(report, seg.Labels, midImage, midLabels, graded)
        {
            CanonicalImage = canonImage, CanonicalLabels = canonLabels, MidSlice = Math.Clamp(seg.MidSagittalSlice, 0, canonImage.SizeK - 1),
        };
    }

    /// <summary>The warning of a study whose main input is a T1: measured, not graded.</summary>
    public const string T1InputNote =
        "the input is a T1 series: the gradings and the disc signal ratio read T2 contrast, so the discs are measured (heights, angles, slip), not graded; give the T2 as the input and this T1 as its T1 to grade them";

    /// <summary>Whether the study's main input is a T1 (its source names the sequence "t1").</summary>
    public static bool IsT1(StudySource source) => string.Equals(source?.Sequence, "t1", StringComparison.OrdinalIgnoreCase);

    private static string FlippedNote(string sequence) =>
        $"{sequence} image upside down (inferior at the top; its spinal canal ran into the bottom edge): analysed flipped top to bottom, so overlays and heatmaps show it superior up";

    /// <summary>One warning per graded disc whose own measurements are incomplete (<see cref="DiscSegmentationQuality"/>): its grades are
    /// flagged for review, and the warning says what could not be measured.</summary>
    public static IEnumerable<string> IncompleteSegmentationNotes(ParsedSpine spine, IReadOnlyDictionary<int, DiscMeasurement> byIvd) =>
        spine.Discs.OrderByDescending(d => d.SpiderIvdLabel)
            .Select(d => (d.Level, Missing: DiscSegmentationQuality.Missing(byIvd.GetValueOrDefault(d.SpiderIvdLabel))))
            .Where(e => e.Missing.Count > 0)
            .Select(e => $"{e.Level}: segmentation incomplete around the disc ({string.Join(", ", e.Missing)} not measured): its grades are flagged for review");

    /// <summary>The measurements of the parsed discs keyed by SPIDER IVD label (discs without measurements left out).</summary>
    public static Dictionary<int, DiscMeasurement> MeasurementsByIvd(ParsedSpine spine, SpineMeasurements measured) =>
        spine.Discs.Select(d => (d.SpiderIvdLabel, M: measured.Discs.FirstOrDefault(m => m.Level == d.Level)))
            .Where(e => e.M is not null).ToDictionary(e => e.SpiderIvdLabel, e => e.M!);

    /// <summary>The image and labels in the canonical frame (columns anterior->posterior, rows superior->inferior, slices right->left).</summary>
    public static (Volume<float> Image, LabelMap Labels) Canonical(IVolume input, SpineSegmentation seg)
    {
        var f = input.ToFloat();
        var g = input.Geometry;
        var bare2D = SpineParser.IsBare2D(g);
        var image = bare2D ? f : Reorientation.Reorient(f, Reorientation.CanonicalSagittal);
        var labels = seg.Labels is null ? new Volume<short>(image.Geometry) : bare2D ? seg.Labels.Labels : Reorientation.Reorient(seg.Labels.Labels, Reorientation.CanonicalSagittal);
        return (image, new LabelMap(labels));
    }

    /// <summary>The mid-sagittal image and label slices in the canonical frame, in a slice-local geometry (spacing kept).</summary>
    public static (Volume<float> Image, LabelMap Labels) MidSlices(Volume<float> image, LabelMap labelMap, int midSlice)
    {
        var labels = labelMap.Labels;
        var k = Math.Clamp(midSlice, 0, image.SizeK - 1);
        // Measurements work in a slice-local frame: spacing kept, origin and direction simplified.
        Volume<T> Local<T>(Volume<T> v) where T : unmanaged, System.Numerics.INumber<T>
        {
            var s = v.Slice(k);
            return new Volume<T>(ImageGeometry.Simple(s.SizeI, s.SizeJ, 1, s.Geometry.Spacing.X, s.Geometry.Spacing.Y, s.Geometry.Spacing.Z), s.Voxels);
        }
        return (Local(image), new LabelMap(Local(labels)));
    }

    private static Dictionary<int, float[]> Crops(Volume<float> mid, ParsedSpine spine)
    {
        var norm = (float[])mid.Voxels.Clone();
        IntensityNormalizer.Normalize(norm);
        var g = mid.Geometry;
        return spine.Discs.ToDictionary(d => d.SpiderIvdLabel,
            d => DiscCropper.Crop(norm, g.SizeI, g.SizeJ, g.Spacing.X, g.Spacing.Y, d.CentroidXMm, d.CentroidYMm, d.NormalXMm, d.NormalYMm));
    }
}
