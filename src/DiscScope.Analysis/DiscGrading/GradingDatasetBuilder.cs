using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Imaging;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// Builds grading samples from SPIDER's mid-sagittal slices: each slice is parsed (segmentation + level naming) and every graded disc that
/// the parser found and named is cropped from the T2 slice (T2 TSE, else T2-SPACE) and, where the patient has one, the T1 slice; the crops
/// join gradings.csv by patient and IVD label. Discs the parser did not find are counted, never guessed.
/// </summary>
public sealed class GradingDatasetBuilder(SpineParser parser, DiscCropOptions? crop = null)
{
    private readonly DiscCropOptions _crop = crop ?? DiscCropOptions.Default;

    /// <summary>Counts of what was built and what was missed.</summary>
    public sealed record Stats(int Patients, int GradedDiscs, int Samples, int WithT1, int SeriesParsed, int SeriesWithoutSpine, int DiscsNotFound, int T1NotPaired);

    public (IReadOnlyList<DiscSample> Samples, Stats Stats) Build(string dataRoot, IProgress<string>? progress = null)
    {
        var gradings = SpiderGradings.Read(Path.Combine(dataRoot, "spider", "gradings.csv"));
        var overview = SpiderData.Overview(dataRoot);
        var midsag = Path.Combine(dataRoot, "spider", "midsag");
        var samples = new List<DiscSample>();
        int parsed = 0, noSpine = 0, notFound = 0, withT1 = 0, t1NotPaired = 0;
        var byPatient = gradings.GroupBy(g => g.Patient).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var patient in byPatient)
        {
            progress?.Report(patient.Key);
            var t2 = Crops(midsag, overview, patient.Key + "_t2") ?? Crops(midsag, overview, patient.Key + "_t2_SPACE");
            var t1 = Crops(midsag, overview, patient.Key + "_t1");
            foreach (var r in new[] { t2, t1 }) if (r is not null) { parsed++; if (r.Count == 0) noSpine++; }
            if (t1 is not null && t2 is not null && T1Pairing.Mismatch(t2.Keys, t1.Keys) is not null) { t1 = null; t1NotPaired++; }
            foreach (var g in patient)
            {
                if (t2 is null || !t2.TryGetValue(g.IvdLabel, out var c2)) { notFound++; continue; }
                float[]? c1 = t1 is not null && t1.TryGetValue(g.IvdLabel, out var x) ? x : null;
                if (c1 is not null) withT1++;
                samples.Add(new DiscSample(g.Patient, g.IvdLabel, GradingInput.Stack(c2, c1), c1 is not null, g));
            }
        }
        return (samples, new Stats(byPatient.Count, gradings.Count, samples.Count, withT1, parsed, noSpine, notFound, t1NotPaired));
    }

    /// <summary>Crops of every named disc of one series by IVD label; null when the series is absent, empty when no spine was found.</summary>
    private Dictionary<int, float[]>? Crops(string midsag, IReadOnlyDictionary<string, SpiderData.Series> overview, string series)
    {
        var image = SpiderMidsagSlice.Load(midsag, overview, series);
        if (image is null) return null;
        return CropsOf(image);
    }

    /// <summary>Parses a 2D sagittal slice (canonical frame; set upright first if it is stored upside down, as `analyze` does) and crops
    /// every named disc, keyed by SPIDER IVD label.</summary>
    public Dictionary<int, float[]> CropsOf(Volume<float> slice)
    {
        var (upright, seg, _) = parser.ParseUpright(slice);
        var result = new Dictionary<int, float[]>();
        if (seg.Result is not ParsedSpine spine) return result;
        var norm = (float[])upright.ToFloat().Voxels.Clone();
        IntensityNormalizer.Normalize(norm);
        var g = slice.Geometry;
        foreach (var d in spine.Discs)
            result[d.SpiderIvdLabel] = DiscCropper.Crop(norm, g.SizeI, g.SizeJ, g.Spacing.X, g.Spacing.Y, d.CentroidXMm, d.CentroidYMm, d.NormalXMm, d.NormalYMm, _crop);
        return result;
    }
}
