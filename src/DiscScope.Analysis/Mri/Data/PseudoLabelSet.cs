using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// The self-training set drawn from spider/midsag: a teacher parser labels the mid-sagittal slices of the patients that may lend them
/// (not held out by <see cref="MidSagittalSplit"/> and not excluded, e.g. the patients of the labelled slices) and
/// <see cref="PseudoLabel"/> keeps the parses it accepts. Verdict counts per sequence say what was kept.
/// </summary>
public sealed record PseudoLabelSet(IReadOnlyList<LabelledSlice> Slices, IReadOnlyDictionary<string, IReadOnlyDictionary<PseudoLabel.Verdict, int>> VerdictsBySequence)
{
    public static PseudoLabelSet Build(string dataRoot, SpineParser teacher, IReadOnlySet<string> excludedPatients)
    {
        var graded = SpiderData.GradedDiscs(dataRoot);
        var slices = new List<LabelledSlice>();
        var counts = new Dictionary<string, Dictionary<PseudoLabel.Verdict, int>>();
        foreach (var (series, image, w, h) in SpiderData.MidSagittal(dataRoot))
        {
            if (MidSagittalSplit.IsHeldOut(series.Patient) || excludedPatients.Contains(series.Patient)) continue;
            var v = new Volume<float>(ImageGeometry.Simple(w, h, 1, series.ColumnSpacing, series.RowSpacing), image);
            var parse = teacher.Parse(v);
            var (slice, verdict) = PseudoLabel.From(series, image, w, h, parse.Result, graded.GetValueOrDefault(series.Patient));
            if (slice is not null) slices.Add(slice);
            var seq = series.Sequence.ToLowerInvariant();
            if (!counts.TryGetValue(seq, out var c)) counts[seq] = c = [];
            c[verdict] = c.GetValueOrDefault(verdict) + 1;
        }
        return new(slices, counts.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<PseudoLabel.Verdict, int>)e.Value));
    }
}
