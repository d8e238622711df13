using DiscScope.Reporting.Codes;

namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>
/// One node of an SR content tree (PS3.3 C.17.3): relationship to its parent, value type, concept name and value, and its
/// children. Built with the factory methods; encoded by <see cref="SrContentEncoder"/>.
/// </summary>
public sealed class SrContentItem
{
    private SrContentItem(SrRelationship relationship, SrValueType type, CodedConcept name)
    {
        Relationship = relationship; ValueType = type; ConceptName = name;
    }

    public SrRelationship Relationship { get; }
    public SrValueType ValueType { get; }
    public CodedConcept ConceptName { get; }
    public string? Text { get; private init; }
    public CodedConcept? Code { get; private init; }
    public double? Numeric { get; private init; }
    public CodedConcept? Unit { get; private init; }
    public string? Uid { get; private init; }
    public string? ReferencedSopClassUid { get; private init; }
    public string? ReferencedSopInstanceUid { get; private init; }
    public int? ReferencedSegmentNumber { get; private init; }

    /// <summary>Template of a CONTAINER (e.g. "1500"), written as Content Template Sequence with mapping resource DCMR.</summary>
    public string? TemplateId { get; private init; }

    public List<SrContentItem> Children { get; } = [];

    public SrContentItem Add(params SrContentItem[] items) { Children.AddRange(items); return this; }

    public static SrContentItem Container(SrRelationship r, CodedConcept name, string? templateId = null) => new(r, SrValueType.Container, name) { TemplateId = templateId };
    public static SrContentItem CodeItem(SrRelationship r, CodedConcept name, CodedConcept value) => new(r, SrValueType.Code, name) { Code = value };
    public static SrContentItem TextItem(SrRelationship r, CodedConcept name, string value) => new(r, SrValueType.Text, name) { Text = value };
    public static SrContentItem UidRefItem(SrRelationship r, CodedConcept name, string uid) => new(r, SrValueType.UidRef, name) { Uid = uid };

    /// <summary>A NUM item; the value must be finite (a failed measurement is left out, never written as NaN).</summary>
    public static SrContentItem NumItem(SrRelationship r, CodedConcept name, double value, CodedConcept unit) =>
        double.IsFinite(value) ? new(r, SrValueType.Num, name) { Numeric = value, Unit = unit }
        : throw new ReportingException("sr", $"{name.Meaning} is not a finite number");

    public static SrContentItem ImageItem(SrRelationship r, CodedConcept name, string sopClassUid, string sopInstanceUid, int? segmentNumber = null) =>
        new(r, SrValueType.Image, name) { ReferencedSopClassUid = sopClassUid, ReferencedSopInstanceUid = sopInstanceUid, ReferencedSegmentNumber = segmentNumber };
}
