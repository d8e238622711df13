using DiscScope.Analysis.DiscGrading;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;

namespace DiscScope.Analysis.Pipeline;

/// <summary>
/// The result of analysing one study: the report model, the label map on the input geometry (null when no spine was found), the
/// mid-sagittal image and label slices in the canonical frame (for measurements), the whole image and labels in the canonical frame with
/// the mid-sagittal index (for overlays and the DICOM SEG), and the per-disc grading evidence (crops and heatmaps).
/// </summary>
public sealed record StudyAnalysis(StudyReport Report, LabelMap? Labels, Volume<float>? MidImage, LabelMap? MidLabels, IReadOnlyList<DiscGradingResult> Grading)
{
    public Volume<float>? CanonicalImage { get; init; }
    public LabelMap? CanonicalLabels { get; init; }
    public int MidSlice { get; init; }
}
