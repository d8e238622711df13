namespace DiscScope.Dicom;

/// <summary>A repeating-group or repeating-element entry of the registry, e.g. (60xx,0010) Overlay Rows.</summary>
internal sealed record DicomDictionaryRange(
    ushort GroupFrom, ushort GroupTo, DicomRangeStep GroupStep,
    ushort ElementFrom, ushort ElementTo, DicomRangeStep ElementStep, DicomDictionaryEntry Entry)
{
    public bool Contains(DicomTag t) => In(t.Group, GroupFrom, GroupTo, GroupStep) && In(t.Element, ElementFrom, ElementTo, ElementStep);

    private static bool In(ushort v, ushort from, ushort to, DicomRangeStep step) =>
        v >= from && v <= to && step switch { DicomRangeStep.Even => (v & 1) == 0, DicomRangeStep.Odd => (v & 1) == 1, _ => true };
}
