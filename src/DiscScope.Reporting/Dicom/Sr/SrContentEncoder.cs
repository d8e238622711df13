using DiscScope.Dicom;

namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>Encodes an <see cref="SrContentItem"/> tree into SR Document Content Module attributes (PS3.3 C.17.3).</summary>
public static class SrContentEncoder
{
    /// <summary>Writes the root CONTAINER's attributes into <paramref name="d"/> (root has no relationship type).</summary>
    public static void EncodeRoot(SrContentItem root, DicomDataset d)
    {
        if (root.ValueType != SrValueType.Container) throw new ReportingException("sr", "the root content item must be a CONTAINER");
        Fill(root, d, isRoot: true);
    }

    private static void Fill(SrContentItem item, DicomDataset d, bool isRoot)
    {
        if (!isRoot) d.Str("RelationshipType", Relationship(item.Relationship));
        d.Str("ValueType", item.ValueType switch
        {
            SrValueType.Container => "CONTAINER", SrValueType.Code => "CODE", SrValueType.Num => "NUM",
            SrValueType.Text => "TEXT", SrValueType.UidRef => "UIDREF", SrValueType.Image => "IMAGE", _ => throw new ArgumentOutOfRangeException(nameof(item)),
        });
        d.Code("ConceptNameCodeSequence", item.ConceptName);
        switch (item.ValueType)
        {
            case SrValueType.Container:
                d.Str("ContinuityOfContent", "SEPARATE");
                if (item.TemplateId is { } t) d.Seq("ContentTemplateSequence", i => i.Str("MappingResource", "DCMR").Str("TemplateIdentifier", t));
                break;
            case SrValueType.Code: d.Code("ConceptCodeSequence", item.Code!); break;
            case SrValueType.Text: d.Str("TextValue", item.Text!); break;
            case SrValueType.UidRef: d.Str("UID", item.Uid!); break;
            case SrValueType.Num:
                d.Seq("MeasuredValueSequence", i => i.Code("MeasurementUnitsCodeSequence", item.Unit!).Num("NumericValue", item.Numeric!.Value));
                break;
            case SrValueType.Image:
                d.Seq("ReferencedSOPSequence", i =>
                {
                    i.Str("ReferencedSOPClassUID", item.ReferencedSopClassUid!).Str("ReferencedSOPInstanceUID", item.ReferencedSopInstanceUid!);
                    if (item.ReferencedSegmentNumber is { } n) i.US("ReferencedSegmentNumber", (ushort)n);
                });
                break;
        }
        if (item.Children.Count > 0)
            d.Seq("ContentSequence", item.Children.Select(c => { var i = new DicomDataset(d); Fill(c, i, isRoot: false); return i; }));
    }

    private static string Relationship(SrRelationship r) => r switch
    {
        SrRelationship.Contains => "CONTAINS",
        SrRelationship.HasObsContext => "HAS OBS CONTEXT",
        SrRelationship.HasConceptMod => "HAS CONCEPT MOD",
        SrRelationship.HasProperties => "HAS PROPERTIES",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };
}
