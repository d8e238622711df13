using DiscScope.Dicom;
using DiscScope.Imaging.Geometry;
using DiscScope.Reporting.Codes;

namespace DiscScope.Reporting.Dicom.Seg;

/// <summary>
/// The Segmentation IOD (PS3.3 A.51), BINARY type: one segment per structure and level (<see cref="SegmentCatalog"/>),
/// one 1-bit frame per segment and source slice where the segment is present. Frames carry their plane position (LPS
/// position of the slice's first voxel), the shared orientation and pixel measures of the source volume, the frame of
/// reference of the source series, and derivation references to the source image of their slice.
/// </summary>
public static class SegmentationBuilder
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.66.4";

    public static DicomFile Build(ReportContext c)
    {
        var r = c.Report;
        var im = c.Images ?? throw new ReportingException("seg", "no label map in the report context");
        var lab = im.Labels;
        var g = lab.Geometry;
        var src = r.Source;
        if (src.FrameOfReferenceUid is null || src.SeriesInstanceUid is null)
            throw new ReportingException("seg", "the report has no FrameOfReferenceUID or SeriesInstanceUID of the source series");
        if (src.SopInstanceUids.Count != g.SizeK)
            throw new ReportingException("seg", $"{src.SopInstanceUids.Count} source SOP Instance UIDs for {g.SizeK} slices");
        var segments = SegmentCatalog.From(lab);
        if (segments.Count == 0) throw new ReportingException("seg", "the label map is empty");

        var d = DicomCommonModules.Create(r, SopClassUid, c.Uids.SegInstanceUid, "SEG", c.Uids.SegSeriesUid, 9002, "DiscScope segmentation");
        d.Str("FrameOfReferenceUID", src.FrameOfReferenceUid).Str("PositionReferenceIndicator", "");
        d.Str("ImageType", "DERIVED", "PRIMARY").Str("ContentLabel", "SPINE").Str("ContentDescription", "Vertebrae, discs and spinal canal")
         .Str("ContentCreatorName", "").Str("SegmentationType", "BINARY").Str("SegmentsOverlap", "NO").Str("LossyImageCompression", "00");
        d.US("SamplesPerPixel", 1).Str("PhotometricInterpretation", "MONOCHROME2").US("Rows", (ushort)g.SizeJ).US("Columns", (ushort)g.SizeI)
         .US("BitsAllocated", 1).US("BitsStored", 1).US("HighBit", 0).US("PixelRepresentation", 0);

        d.Seq("SegmentSequence", segments.Select(s =>
        {
            var i = new DicomDataset(d);
            i.US("SegmentNumber", (ushort)s.Number).Str("SegmentLabel", s.Name).Str("SegmentAlgorithmType", "AUTOMATIC")
             .Str("SegmentAlgorithmName", "DiscScope " + r.SoftwareVersion)
             .Code("SegmentedPropertyCategoryCodeSequence", s.PropertyCategory).Code("SegmentedPropertyTypeCodeSequence", s.PropertyType);
            return i;
        }));

        // Shared functional groups: orientation and pixel measures of the source volume (PS3.3 C.7.6.16.2.1/2.4).
        var rowDir = g.Direction.Column(0); var colDir = g.Direction.Column(1);
        d.Seq("SharedFunctionalGroupsSequence", sh => sh
            .Seq("PixelMeasuresSequence", pm => pm.Num("PixelSpacing", g.Spacing.Y, g.Spacing.X).Num("SliceThickness", g.Spacing.Z).Num("SpacingBetweenSlices", g.Spacing.Z))
            .Seq("PlaneOrientationSequence", po => po.Num("ImageOrientationPatient", rowDir.X, rowDir.Y, rowDir.Z, colDir.X, colDir.Y, colDir.Z)));

        var dimUid = DicomUid.Generate();
        d.Seq("DimensionOrganizationSequence", o => o.Str("DimensionOrganizationUID", dimUid));
        d.Str("DimensionOrganizationType", "3D");
        d.Seq("DimensionIndexSequence",
            i => i.Str("DimensionOrganizationUID", dimUid).AT("DimensionIndexPointer", DicomBuild.Tag("ReferencedSegmentNumber"))
                  .AT("FunctionalGroupPointer", DicomBuild.Tag("SegmentIdentificationSequence")).Str("DimensionDescriptionLabel", "Segment Number"),
            i => i.Str("DimensionOrganizationUID", dimUid).AT("DimensionIndexPointer", DicomBuild.Tag("ImagePositionPatient"))
                  .AT("FunctionalGroupPointer", DicomBuild.Tag("PlanePositionSequence")).Str("DimensionDescriptionLabel", "Image Position Patient"));

        // Frames: for each segment, each slice where it is present, in slice order.
        int w = g.SizeI, h = g.SizeJ, n = w * h;
        var frames = new List<(SegmentDefinition Segment, int Slice)>();
        foreach (var s in segments)
            for (var k = 0; k < g.SizeK; k++)
                if (Array.IndexOf(lab.Labels.Voxels, s.Label, k * n, n) >= 0) frames.Add((s, k));

        var bits = new byte[((long)frames.Count * n + 7) / 8];
        long bit = 0;
        foreach (var (s, k) in frames)
        {
            var off = k * n;
            for (var p = 0; p < n; p++, bit++)
                if (lab.Labels.Voxels[off + p] == s.Label) bits[bit >> 3] |= (byte)(1 << (int)(bit & 7)); // PS3.5 8.1.1: first pixel in the least significant bit
        }

        d.Seq("PerFrameFunctionalGroupsSequence", frames.Select(f =>
        {
            var item = new DicomDataset(d);
            var pos = g.IndexToWorld(0, 0, f.Slice);
            item.Seq("DerivationImageSequence", di => di
                .Seq("SourceImageSequence", si => si.Str("ReferencedSOPClassUID", im.SourceSopClassUid).Str("ReferencedSOPInstanceUID", src.SopInstanceUids[f.Slice])
                    .Code("PurposeOfReferenceCodeSequence", StandardCodes.SourceImageForProcessing))
                .Code("DerivationCodeSequence", StandardCodes.Segmentation));
            item.Seq("FrameContentSequence", fc => fc.UL("DimensionIndexValues", (uint)f.Segment.Number, (uint)(f.Slice + 1)));
            item.Seq("PlanePositionSequence", pp => pp.Num("ImagePositionPatient", pos.X, pos.Y, pos.Z));
            item.Seq("SegmentIdentificationSequence", si => si.US("ReferencedSegmentNumber", (ushort)f.Segment.Number));
            return item;
        }));
        d.Num("NumberOfFrames", frames.Count);

        // Common Instance Reference (PS3.3 C.12.2): the source series, same study.
        d.Seq("ReferencedSeriesSequence", rs => rs.Str("SeriesInstanceUID", src.SeriesInstanceUid).Seq("ReferencedInstanceSequence",
            src.SopInstanceUids.Select(u => { var x = new DicomDataset(rs); x.Str("ReferencedSOPClassUID", im.SourceSopClassUid).Str("ReferencedSOPInstanceUID", u); return x; })));

        d.Bytes("PixelData", DicomVR.OB, bits);
        return new DicomFile(new DicomDataset(), d, TransferSyntax.ExplicitVRLittleEndian, null, "seg.dcm");
    }
}
