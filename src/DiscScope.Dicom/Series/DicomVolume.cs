using DiscScope.Imaging;

namespace DiscScope.Dicom;

/// <summary>A series assembled into a volume, with what was noticed on the way (non-uniform spacing, tilt, dropped frames).</summary>
public sealed record DicomVolume(IVolume Volume, DicomSeries Series, IReadOnlyList<string> Warnings);
