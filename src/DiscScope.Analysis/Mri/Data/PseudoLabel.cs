using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// Pseudo-labels for self-training from an unlabelled mid-sagittal slice: the teacher's parse is accepted only when it found a spine
/// with exactly the series' <c>num_discs</c> discs (overview.csv), its IVD labels cover every disc graded for the patient, and no level
/// warning was raised; the accepted parse becomes a 3-class mask (vertebra, disc, canal; the sacrum maps to background, as in the
/// SPIDER masks the teacher learned from).
/// </summary>
public static class PseudoLabel
{
    /// <summary>Why a slice was or was not accepted.</summary>
    public enum Verdict { Accepted, NoSpine, DiscCountDiffers, GradedDiscMissing, LevelWarning }

    /// <summary>The acceptance rule (pure): the teacher's parse against the series' disc count and the patient's graded IVD labels.</summary>
    public static Verdict Judge(SpineParseResult result, int numDiscs, IReadOnlySet<int>? graded)
    {
        if (result is not ParsedSpine p) return Verdict.NoSpine;
        if (p.Discs.Count != numDiscs) return Verdict.DiscCountDiffers;
        if (graded is not null && !graded.All(g => p.Discs.Any(d => d.SpiderIvdLabel == g))) return Verdict.GradedDiscMissing;
        return p.Warnings.Count > 0 ? Verdict.LevelWarning : Verdict.Accepted;
    }

    /// <summary>The accepted parse's label map (SPIDER convention) as a 3-class training mask.</summary>
    public static byte[] Classes(ReadOnlySpan<short> labels)
    {
        var cls = new byte[labels.Length];
        for (var i = 0; i < labels.Length; i++)
            cls[i] = labels[i] == SpineLabel.Sacrum ? (byte)Structure.Background : (byte)SpineLabel.StructureOf(labels[i]);
        return cls;
    }

    /// <summary>The training slice for an accepted parse, or null with the verdict.</summary>
    public static (LabelledSlice? Slice, Verdict Verdict) From(SpiderData.Series series, float[] image, int width, int height, SpineParseResult result, IReadOnlySet<int>? graded)
    {
        var v = Judge(result, series.NumDiscs, graded);
        if (v != Verdict.Accepted) return (null, v);
        var labels = ((ParsedSpine)result).Labels;
        if (labels.Length != width * height) throw new ArgumentException($"{series.Name}: label map {labels.Length} px vs image {width}x{height}");
        return (new LabelledSlice("spider-midsag-pseudo", series.Patient, series.Name, image, Classes(labels), width, height, series.ColumnSpacing, series.RowSpacing), v);
    }
}
