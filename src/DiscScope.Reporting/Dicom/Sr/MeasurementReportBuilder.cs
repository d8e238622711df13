using DiscScope.Dicom;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;
using DiscScope.Reporting.Codes;
using DiscScope.Reporting.Dicom.Seg;
using static DiscScope.Reporting.Dicom.Sr.SrContentItem;

namespace DiscScope.Reporting.Dicom.Sr;

/// <summary>
/// The content tree of TID 1500 "Measurement Report" (PS3.16): language, device observer context (TID 1002/1004: DiscScope
/// and its version), procedure reported, an image library of the source images (TID 1600) and one TID 1501 Measurement
/// Group per disc level: tracking identifier and UID, finding site (SNOMED CT disc, CID 7604), algorithm identification
/// (TID 4019: DiscScope version, models as parameters), the SEG segment and source series, the morphometry as TID 300 NUM
/// items with UCUM units and method, and one qualitative evaluation (CODE) per grading with its model probability and a
/// review flag as properties; then one group per vertebral body (heights) and one for the lumbar lordosis. DiscScope's private codes are listed in <see cref="DiscScopeCodes"/>.
/// </summary>
public static class MeasurementReportBuilder
{
    public static readonly CodedConcept SourceImage = new("260753009", "SCT", "Source");

    public static SrContentItem Build(ReportContext c)
    {
        var r = c.Report;
        var root = Container(SrRelationship.Contains, StandardCodes.ImagingMeasurementReport, "1500");
        root.Add(CodeItem(SrRelationship.HasConceptMod, StandardCodes.LanguageOfContent, StandardCodes.EnglishUs));
        root.Add(CodeItem(SrRelationship.HasObsContext, StandardCodes.ObserverType, StandardCodes.Device),
            UidRefItem(SrRelationship.HasObsContext, StandardCodes.DeviceObserverUid, DicomUid.ImplementationClassUid),
            TextItem(SrRelationship.HasObsContext, StandardCodes.DeviceObserverName, "DiscScope " + r.SoftwareVersion),
            TextItem(SrRelationship.HasObsContext, StandardCodes.DeviceObserverManufacturer, DicomCommonModules.Manufacturer),
            TextItem(SrRelationship.HasObsContext, StandardCodes.DeviceObserverModelName, DicomCommonModules.ModelName + " " + r.SoftwareVersion));
        root.Add(CodeItem(SrRelationship.HasConceptMod, StandardCodes.ProcedureReported, StandardCodes.MrLumbarSpine));

        if (c.Images is { } im && r.Source.SopInstanceUids.Count > 0)
        {
            var group = Container(SrRelationship.Contains, StandardCodes.ImageLibraryGroup);
            foreach (var uid in r.Source.SopInstanceUids) group.Add(ImageItem(SrRelationship.Contains, SourceImage, im.SourceSopClassUid, uid));
            root.Add(Container(SrRelationship.Contains, StandardCodes.ImageLibrary).Add(group));
        }

        var segments = c.Images is { } images ? SegmentCatalog.From(images.Labels) : [];
        var measurements = Container(SrRelationship.Contains, StandardCodes.ImagingMeasurements);
        foreach (var l in r.Levels) measurements.Add(Group(c, l, segments));
        foreach (var v in r.Vertebrae) measurements.Add(VertebraGroup(c, v, segments));
        if (r.LumbarLordosis is { } lordosis)
        {
            var g = Container(SrRelationship.Contains, StandardCodes.MeasurementGroup, "1501");
            g.Add(TextItem(SrRelationship.HasObsContext, StandardCodes.TrackingIdentifier, "Lumbar lordosis"),
                UidRefItem(SrRelationship.HasObsContext, StandardCodes.TrackingUniqueIdentifier, StableUid(c, "lordosis")),
                CodeItem(SrRelationship.HasConceptMod, StandardCodes.FindingSite, AnatomyCodes.LumbarSpine));
            g.Add(Measured(DiscScopeCodes.LumbarLordosis, lordosis.Value, StandardCodes.Degree));
            measurements.Add(g);
        }
        root.Add(measurements);
        return root;
    }

    /// <summary>The tracking UID of a level's group: stable for one SR instance (derived from its UID and the level).</summary>
    public static string TrackingUid(ReportContext c, LevelReport l) => StableUid(c, l.Level.ToString());

    private static string StableUid(ReportContext c, string key) =>
        DicomUid.FromGuid(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(c.Uids.SrInstanceUid + "/" + key))[..16]));

    /// <summary>A TID 1501 group per vertebral body: tracking, finding site (CID 7603), its SEG segment and the three heights.</summary>
    private static SrContentItem VertebraGroup(ReportContext c, VertebraMeasurement v, IReadOnlyList<SegmentDefinition> segments)
    {
        var g = Container(SrRelationship.Contains, StandardCodes.MeasurementGroup, "1501");
        g.Add(TextItem(SrRelationship.HasObsContext, StandardCodes.TrackingIdentifier, $"{v.Level} vertebral body"),
            UidRefItem(SrRelationship.HasObsContext, StandardCodes.TrackingUniqueIdentifier, StableUid(c, v.Level.ToString())),
            CodeItem(SrRelationship.HasConceptMod, StandardCodes.FindingSite, AnatomyCodes.Vertebra(v.Level)));
        if (segments.FirstOrDefault(s => s.Label == Domain.Anatomy.SpineLabel.Of(v.Level)) is { } seg)
            g.Add(ImageItem(SrRelationship.Contains, StandardCodes.ReferencedSegment, SegmentationBuilder.SopClassUid, c.Uids.SegInstanceUid, seg.Number));
        g.Add(Measured(DiscScopeCodes.VertebralHeightAnterior, v.Heights.Anterior.Value, StandardCodes.Millimetre),
            Measured(DiscScopeCodes.VertebralHeightMiddle, v.Heights.Middle.Value, StandardCodes.Millimetre),
            Measured(DiscScopeCodes.VertebralHeightPosterior, v.Heights.Posterior.Value, StandardCodes.Millimetre));
        return g;
    }

    private static SrContentItem Measured(CodedConcept name, double v, CodedConcept unit) =>
        NumItem(SrRelationship.Contains, name, v, unit).Add(CodeItem(SrRelationship.HasConceptMod, StandardCodes.MeasurementMethod, DiscScopeCodes.DiscScopeMethod));

    private static SrContentItem Group(ReportContext c, LevelReport l, IReadOnlyList<SegmentDefinition> segments)
    {
        var r = c.Report;
        var g = Container(SrRelationship.Contains, StandardCodes.MeasurementGroup, "1501");
        g.Add(TextItem(SrRelationship.HasObsContext, StandardCodes.TrackingIdentifier, $"{l.Level} intervertebral disc"),
            UidRefItem(SrRelationship.HasObsContext, StandardCodes.TrackingUniqueIdentifier, TrackingUid(c, l)));
        g.Add(CodeItem(SrRelationship.HasConceptMod, StandardCodes.FindingSite, AnatomyCodes.Disc(l.Level)));
        g.Add(TextItem(SrRelationship.HasConceptMod, StandardCodes.AlgorithmName, "DiscScope"),
            TextItem(SrRelationship.HasConceptMod, StandardCodes.AlgorithmVersion, r.SoftwareVersion));
        foreach (var m in r.Models) g.Add(TextItem(SrRelationship.HasConceptMod, AlgorithmParameters, $"model {m.Name} {m.Version}"));

        var seg = segments.FirstOrDefault(s => s.Label == Domain.Anatomy.SpineLabel.Of(l.Level));
        if (seg is not null)
            g.Add(ImageItem(SrRelationship.Contains, StandardCodes.ReferencedSegment, SegmentationBuilder.SopClassUid, c.Uids.SegInstanceUid, seg.Number));
        if (seg is not null && r.Source.SeriesInstanceUid is { } series)
            g.Add(UidRefItem(SrRelationship.Contains, StandardCodes.SourceSeriesForSegmentation, series));

        if (l.Measurements is { } m2) foreach (var n in Measurements(m2)) g.Add(n);
        foreach (var grading in Enum.GetValues<Grading>())
            if (Evaluation(l, grading) is { } e) g.Add(e);
        return g;
    }

    public static readonly CodedConcept AlgorithmParameters = new("111002", "DCM", "Algorithm Parameters");

    private static IEnumerable<SrContentItem> Measurements(DiscMeasurement m)
    {
        SrContentItem N(CodedConcept name, double v, CodedConcept unit) => Measured(name, v, unit);
        yield return N(DiscScopeCodes.DiscHeightAnterior, m.Heights.Anterior.Value, StandardCodes.Millimetre);
        yield return N(DiscScopeCodes.DiscHeightMiddle, m.Heights.Middle.Value, StandardCodes.Millimetre);
        yield return N(DiscScopeCodes.DiscHeightPosterior, m.Heights.Posterior.Value, StandardCodes.Millimetre);
        if (m.HeightIndex is { } dhi) yield return N(DiscScopeCodes.DiscHeightIndex, dhi, StandardCodes.NoUnits);
        yield return N(DiscScopeCodes.WedgeAngle, m.WedgeAngle.Value, StandardCodes.Degree);
        if (m.PosteriorDisplacement is { } pd) yield return N(DiscScopeCodes.PosteriorDisplacement, pd.Value, StandardCodes.Millimetre);
        if (m.SignalIntensityRatio is { } si) yield return N(DiscScopeCodes.SignalIntensityRatio, si, StandardCodes.NoUnits);
        if (m.CanalApDiameter is { } ap) yield return N(DiscScopeCodes.CanalApDiameter, ap.Value, StandardCodes.Millimetre);
        if (m.Listhesis is { } s)
        {
            yield return N(DiscScopeCodes.ListhesisSlip, s.Slip.Value, StandardCodes.Millimetre);
            yield return N(DiscScopeCodes.ListhesisPercent, s.Percent, StandardCodes.Percent);
        }
    }

    private static SrContentItem? Evaluation(LevelReport l, Grading g)
    {
        CodedConcept value; double probability; bool uncertain;
        switch (g)
        {
            case Grading.Pfirrmann:
                if (l.Grades.Pfirrmann is not { } pf) return null;
                value = DiscScopeCodes.PfirrmannValue(pf.Value); probability = Prob(pf.Probabilities, pf.Value - 1); uncertain = pf.Uncertain;
                break;
            case Grading.Modic:
                if (l.Grades.Modic is not { } mo) return null;
                value = DiscScopeCodes.ModicValue(mo.Value); probability = Prob(mo.Probabilities, mo.Value); uncertain = mo.Uncertain;
                break;
            default:
                if (GradingNames.Finding(l.Grades, g) is not { } f) return null;
                value = f.Present ? StandardCodes.Present : StandardCodes.Absent; probability = f.Probability; uncertain = f.Uncertain;
                break;
        }
        // The probability is that of the coded value for grades, and of "present" for findings.
        return CodeItem(SrRelationship.Contains, DiscScopeCodes.Of(g), value).Add(
            NumItem(SrRelationship.HasProperties, DiscScopeCodes.Probability, probability, StandardCodes.NoUnits),
            CodeItem(SrRelationship.HasProperties, DiscScopeCodes.ReviewRecommended, uncertain ? StandardCodes.Yes : StandardCodes.No));
    }

    private static double Prob(IReadOnlyList<double> p, int i) =>
        i >= 0 && i < p.Count ? p[i] : throw new ReportingException("sr", $"no probability for class index {i}");
}
