using DiscScope.Imaging;

namespace DiscScope.Reporting;

/// <summary>
/// The pixel data behind a report: the analysed volume (canonical sagittal frame, LPS geometry), its label map
/// (DiscScope/SPIDER convention, same geometry) and the index of the mid-sagittal slice. Slice k of the volume is the source
/// image <c>StudySource.SopInstanceUids[k]</c> when those are known.
/// </summary>
public sealed record ReportImages(Volume<float> Image, LabelMap Labels, int MidSlice)
{
    /// <summary>SOP Class UID of the source images (default MR Image Storage, PS3.4 B.5).</summary>
    public string SourceSopClassUid { get; init; } = "1.2.840.10008.5.1.4.1.1.4";
}
