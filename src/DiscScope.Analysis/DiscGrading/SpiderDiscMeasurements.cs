using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Analysis.Pipeline;
using DiscScope.Domain.Measurements;

namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// The mid-sagittal measurements of SPIDER's graded discs, as `analyze` computes them for a 2D slice: each graded patient's T2 slice
/// (T2 TSE, else T2-SPACE; the series the grading crops come from) is parsed and measured, and every named disc is keyed by patient and
/// IVD label. Discs the parser did not find are absent, never guessed.
/// </summary>
public sealed class SpiderDiscMeasurements(SpineParser parser)
{
    public IReadOnlyDictionary<(string Patient, int IvdLabel), DiscMeasurement> Build(string dataRoot, IProgress<string>? progress = null)
    {
        var gradings = SpiderGradings.Read(Path.Combine(dataRoot, "spider", "gradings.csv"));
        var overview = SpiderData.Overview(dataRoot);
        var midsag = Path.Combine(dataRoot, "spider", "midsag");
        var result = new Dictionary<(string, int), DiscMeasurement>();
        foreach (var patient in gradings.Select(g => g.Patient).Distinct().Order(StringComparer.Ordinal))
        {
            progress?.Report(patient);
            var slice = SpiderMidsagSlice.Load(midsag, overview, patient + "_t2") ?? SpiderMidsagSlice.Load(midsag, overview, patient + "_t2_SPACE");
            if (slice is null) continue;
            var (upright, seg, _) = parser.ParseUpright(slice); // as `analyze` does: a slice stored upside down is set upright
            if (seg.Result is not ParsedSpine spine) continue;
            var (image, labels) = StudyAnalyzer.Canonical(upright, seg);
            var (midImage, midLabels) = StudyAnalyzer.MidSlices(image, labels, seg.MidSagittalSlice);
            foreach (var (ivd, m) in StudyAnalyzer.MeasurementsByIvd(spine, SpineMorphometry.Measure(midLabels, midImage))) result[(patient, ivd)] = m;
        }
        return result;
    }
}
