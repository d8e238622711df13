using DiscScope.Dicom;

namespace DiscScope.Reporting;

/// <summary>
/// UIDs of the DICOM objects DiscScope derives from one report (SR and SEG), fixed once per report so that the SR can
/// reference the SEG it was written with.
/// </summary>
public sealed record DerivedUids(string SrSeriesUid, string SrInstanceUid, string SegSeriesUid, string SegInstanceUid)
{
    /// <summary>Fresh 2.25 UIDs (PS3.5 B.2).</summary>
    public static DerivedUids New() => new(DicomUid.Generate(), DicomUid.Generate(), DicomUid.Generate(), DicomUid.Generate());
}
