using DiscScope.Dicom;
using DiscScope.Reporting.Codes;
using DiscScope.Reporting.Dicom.Seg;

namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>
/// The Comprehensive SR IOD (PS3.3 A.35.3) around a TID 1500 content tree: Patient, General Study, SR Document Series,
/// General Equipment, SR Document General (unverified, complete, evidence = source images and the SEG) and SR Document
/// Content, SOP Common with the Coding Scheme Identification of DiscScope's private scheme.
/// </summary>
public static class ComprehensiveSrBuilder
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";

    public static DicomFile Build(ReportContext c)
    {
        var r = c.Report;
        var d = DicomCommonModules.Create(r, SopClassUid, c.Uids.SrInstanceUid, "SR", c.Uids.SrSeriesUid, 9001, "DiscScope measurement report");
        d.Seq("ReferencedPerformedProcedureStepSequence", Enumerable.Empty<DicomDataset>());
        d.Str("CompletionFlag", "COMPLETE").Str("VerificationFlag", "UNVERIFIED");
        d.Code("PerformedProcedureCodeSequence", StandardCodes.MrLumbarSpine);
        d.Seq("CodingSchemeIdentificationSequence", i => i.Str("CodingSchemeDesignator", DiscScopeCodes.Scheme)
            .Str("CodingSchemeName", DiscScopeCodes.SchemeName).Str("CodingSchemeResponsibleOrganization", "DiscScope contributors"));

        var evidence = new List<(string Series, string Class, string Instance)>();
        if (c.Images is { } im && r.Source.SeriesInstanceUid is { } series)
        {
            foreach (var uid in r.Source.SopInstanceUids) evidence.Add((series, im.SourceSopClassUid, uid));
            evidence.Add((c.Uids.SegSeriesUid, SegmentationBuilder.SopClassUid, c.Uids.SegInstanceUid));
        }
        if (evidence.Count > 0)
            d.Seq("CurrentRequestedProcedureEvidenceSequence", s => s.Str("StudyInstanceUID", r.Source.StudyInstanceUid!).Seq("ReferencedSeriesSequence",
                evidence.GroupBy(e => e.Series).Select(g =>
                {
                    var item = new DicomDataset(s);
                    item.Str("SeriesInstanceUID", g.Key).Seq("ReferencedSOPSequence", g.Select(e =>
                    {
                        var sop = new DicomDataset(item);
                        sop.Str("ReferencedSOPClassUID", e.Class).Str("ReferencedSOPInstanceUID", e.Instance);
                        return sop;
                    }));
                    return item;
                })));
        SrContentEncoder.EncodeRoot(MeasurementReportBuilder.Build(c), d);
        return new DicomFile(new DicomDataset(), d, TransferSyntax.ExplicitVRLittleEndian, null, "sr.dcm");
    }
}
