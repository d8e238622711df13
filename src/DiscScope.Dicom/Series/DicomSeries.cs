namespace DiscScope.Dicom;

/// <summary>The instances of one series (same Study and Series Instance UID) found in a folder, ZIP or file.</summary>
public sealed record DicomSeries(string StudyInstanceUid, string SeriesInstanceUid, IReadOnlyList<DicomFile> Instances)
{
    /// <summary>Total frames over all instances.</summary>
    public int FrameCount => Instances.Sum(i => Math.Max(1, i.Dataset.GetInt(DicomTag.NumberOfFrames) ?? 1));

    public string? Modality => Instances.Count > 0 ? Instances[0].Dataset.GetString(DicomTag.Modality) : null;

    public string? Description => Instances.Count > 0 ? Instances[0].Dataset.GetString(new DicomTag(0x0008, 0x103E)) : null;

    /// <summary>The unit normal (row x column direction, LPS) of the first frame, read as <see cref="DicomVolumeBuilder"/> reads it (classic
    /// Image Orientation (Patient) or the functional groups); null when the orientation is missing or unusable. Decodes no pixels.</summary>
    public Imaging.Geometry.Vec3? SliceNormal =>
        Instances.Count > 0 && DicomFrameInfo.Of(Instances[0]).FirstOrDefault() is { RowDirection: { } r, ColumnDirection: { } c }
            && r.Cross(c) is var n && n.Length > 0.5 ? n.Normalized() : null;
}
