using DiscScope.Reporting.Codes;

namespace DiscScope.Reporting.Dicom.Seg;

/// <summary>One SEG segment: its number (1..n), the label value it holds in the label map, its label text and SNOMED CT type.</summary>
public sealed record SegmentDefinition(int Number, short Label, string Name, CodedConcept PropertyType)
{
    public CodedConcept PropertyCategory => AnatomyCodes.AnatomicalStructure;
}
