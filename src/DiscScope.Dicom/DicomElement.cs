namespace DiscScope.Dicom;

/// <summary>
/// One data element. <see cref="Value"/> holds the value field in little-endian byte order whatever the source transfer
/// syntax (numbers of big-endian files are swapped on reading); sequences hold <see cref="Items"/> and encapsulated pixel
/// data holds <see cref="Fragments"/> instead.
/// </summary>
public sealed class DicomElement
{
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value, long offset = -1)
    {
        Tag = tag; VR = vr; Value = value; Offset = offset;
    }

    public DicomElement(DicomTag tag, IReadOnlyList<DicomDataset> items, long offset = -1)
    {
        Tag = tag; VR = DicomVR.SQ; Items = items; Offset = offset;
    }

    public DicomElement(DicomTag tag, DicomVR vr, DicomFragments fragments, long offset = -1)
    {
        Tag = tag; VR = vr; Fragments = fragments; Offset = offset;
    }

    public DicomTag Tag { get; }
    public DicomVR VR { get; }

    /// <summary>The value bytes (little endian), empty for sequences and encapsulated data.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Sequence items (VR SQ), else null.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; }

    /// <summary>Encapsulated pixel data, else null.</summary>
    public DicomFragments? Fragments { get; }

    /// <summary>Byte offset of the element's tag in the source stream, -1 for built elements.</summary>
    public long Offset { get; }

    /// <summary>True when the value has no bytes, no items and no fragments.</summary>
    public bool IsEmpty => Items is null ? Fragments is null && Value.IsEmpty : Items.Count == 0;

    public override string ToString() => $"{Tag} {VR} {(Items is not null ? $"{Items.Count} items" : Fragments is not null ? $"{Fragments.Fragments.Count} fragments" : $"{Value.Length} bytes")}";
}
