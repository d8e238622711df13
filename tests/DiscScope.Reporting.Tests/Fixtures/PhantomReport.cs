using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Synthetic;
using DiscScope.Dicom;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using SkiaSharp;

namespace DiscScope.Reporting.Tests.Fixtures;

/// <summary>
/// TEST FIXTURE: a report built from the synthetic <see cref="LumbarPhantom"/> (measurements by SpineMorphometry on its
/// mid-sagittal label slice) plus HAND-MADE grades that only mimic the phantom's design (L4-L5 degenerated, L5-S1 herniated).
/// None of these numbers come from a model; they exist to exercise the renderers.
/// </summary>
public static class PhantomReport
{
    private static readonly Lazy<Phantom> Shared = new(() => LumbarPhantom.Create());

    public static Phantom Phantom => Shared.Value;

    /// <summary>The report and its context; heatmap PNGs are written under <paramref name="folder"/> (relative paths in the report).</summary>
    public static ReportContext Create(string folder)
    {
        var p = Phantom;
        var slice = new LabelMap(p.Labels.Labels.Slice(p.MidSlice));
        var measured = SpineMorphometry.Measure(slice, p.Image.Slice(p.MidSlice));
        var study = DicomUid.Generate();
        var source = new StudySource("phantom://lumbar", "MR", "t2")
        {
            StudyInstanceUid = study,
            SeriesInstanceUid = DicomUid.Generate(),
            FrameOfReferenceUid = DicomUid.Generate(),
            SopInstanceUids = Enumerable.Range(0, p.Image.SizeK).Select(_ => DicomUid.Generate()).ToList(),
            PatientId = "PHANTOM-001",
            PatientName = "Phantom^Lumbar",
            StudyDate = "20261126",
            RowSpacingMm = p.Image.Geometry.Spacing.Y,
            ColumnSpacingMm = p.Image.Geometry.Spacing.X,
        };
        Directory.CreateDirectory(Path.Combine(folder, "heatmaps"));
        var levels = measured.Discs.OrderBy(d => d.Level.Upper).Select(d =>
        {
            var grades = Grades(d.Level);
            var heatmaps = new Dictionary<Grading, string>();
            foreach (var g in new[] { Grading.Pfirrmann, Grading.Herniation })
            {
                var rel = $"heatmaps/{d.Level}_{GradingNames.Key(g)}.png";
                File.WriteAllBytes(Path.Combine(folder, rel), HeatmapPng(d.Level.GetHashCode() ^ (int)g));
                heatmaps[g] = rel;
            }
            return new LevelReport(d.Level, grades, d, heatmaps) { LevelConfidence = d.Level.Upper == VertebraLevel.T12 ? 0.45 : 1.0 };
        }).ToList();
        var report = new StudyReport
        {
            Source = source,
            SoftwareVersion = "0.1.0-test",
            Created = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
            Models = [new ModelInfo("spine-seg-unet", "1.2.0", new string('a', 64)), new ModelInfo("disc-grader-resnet18", "0.9.1")],
            Levels = levels,
            Vertebrae = measured.Vertebrae.OrderBy(v => v.Level).ToList(),
            LumbarLordosis = measured.LumbarLordosis,
            Warnings = ["Synthetic phantom: grades are hand-made test fixtures."],
        };
        return new ReportContext(report) { Images = new ReportImages(p.Image, p.Labels, p.MidSlice), BaseDirectory = folder };
    }

    /// <summary>Hand-made grades (test fixture): L4-L5 Pfirrmann 4 with Modic 1, L5-S1 Pfirrmann 3 with herniation; L3-L4 Modic flagged for review.</summary>
    public static DiscGrades Grades(DiscLevel level)
    {
        var degenerated = level.Upper == VertebraLevel.L4;
        var herniated = level.Upper == VertebraLevel.L5;
        var pf = degenerated ? 4 : herniated ? 3 : 2;
        var pfProbs = Enumerable.Range(1, 5).Select(g => g == pf ? 0.72 : 0.07).ToArray();
        var modic = degenerated ? 1 : 0;
        var modicProbs = Enumerable.Range(0, 4).Select(g => g == modic ? 0.79 : 0.07).ToArray();
        BinaryFinding F(bool present, double p, bool uncertain = false) => new(present, p, uncertain);
        return new DiscGrades
        {
            Pfirrmann = new OrdinalGrade(pf, pfProbs, false),
            Modic = new OrdinalGrade(modic, modicProbs, level.Upper == VertebraLevel.L3),
            Herniation = F(herniated, herniated ? 0.91 : 0.08),
            Bulging = F(degenerated, degenerated ? 0.66 : 0.12, uncertain: degenerated),
            Narrowing = F(degenerated, degenerated ? 0.88 : 0.05),
            Spondylolisthesis = F(false, 0.03),
            EndplateUpper = F(false, 0.1),
            EndplateLower = level.Upper == VertebraLevel.T12 ? null : F(false, 0.09),
        };
    }

    /// <summary>A small synthetic "Grad-CAM" PNG (a radial blob), 64x64.</summary>
    public static byte[] HeatmapPng(int seed)
    {
        var rng = new Random(seed);
        using var bmp = new SKBitmap(64, 64);
        var cx = 20 + rng.Next(24); var cy = 20 + rng.Next(24);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
            {
                var d = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 30.0;
                var v = (byte)(255 * Math.Max(0, 1 - d));
                bmp.SetPixel(x, y, new SKColor(v, (byte)(v / 3), (byte)(255 - v)));
            }
        using var img = SKImage.FromBitmap(bmp);
        using var data = img.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
