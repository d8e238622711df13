using DiscScope.Imaging;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// The result of parsing a series: the level result (or the reason no spine was found), the label map on the input geometry
/// (SPIDER convention; null when no spine), the mid-sagittal slice index in the canonical PIL frame, and the 3-class map per slice.
/// </summary>
public sealed record SpineSegmentation(SpineParseResult Result, LabelMap? Labels, int MidSagittalSlice, IReadOnlyList<ClassMap2D> ClassMaps);
