using DiscScope.Imaging.Geometry;

namespace DiscScope.Dicom;

/// <summary>
/// Where one frame sits and how its stored values map to modality values, from the classic Image Plane / Pixel Value
/// Transformation modules (PS3.3 C.7.6.2, C.11.1) or from the functional groups of enhanced multi-frame objects (C.7.6.16).
/// </summary>
internal sealed record DicomFrameInfo(
    DicomFile File, int Frame, Vec3? Position, Vec3? RowDirection, Vec3? ColumnDirection,
    double RowSpacing, double ColumnSpacing, bool SpacingKnown, double Slope, double Intercept, DicomDataset? ModalityLut,
    double? SliceGap, int InstanceNumber)
{
    public static IEnumerable<DicomFrameInfo> Of(DicomFile f)
    {
        var ds = f.Dataset;
        var frames = Math.Max(1, ds.GetInt(DicomTag.NumberOfFrames) ?? 1);
        var instance = ds.GetInt(DicomTag.InstanceNumber) ?? 0;
        for (var i = 0; i < frames; i++)
        {
            var frame = i;
            DicomDataset? Group(DicomTag seq) => FunctionalGroups.Item(ds, seq, frame);
            var pos = Vec(Group(DicomTag.PlanePositionSequence), DicomTag.ImagePositionPatient) ?? Vec(ds, DicomTag.ImagePositionPatient);
            var iop = (Group(DicomTag.PlaneOrientationSequence) ?? ds).GetNumbers(DicomTag.ImageOrientationPatient);
            if (iop.Length < 6) iop = ds.GetNumbers(DicomTag.ImageOrientationPatient);
            Vec3? row = null, col = null;
            if (iop.Length >= 6 && iop.All(double.IsFinite))
            {
                row = new Vec3(iop[0], iop[1], iop[2]).Normalized();
                col = new Vec3(iop[3], iop[4], iop[5]).Normalized();
                if (row.Value.Length < 0.5 || col.Value.Length < 0.5) row = col = null;
            }
            var measures = Group(DicomTag.PixelMeasuresSequence);
            var ps = measures?.GetNumbers(DicomTag.PixelSpacing) is { Length: >= 2 } m ? m : ds.GetNumbers(DicomTag.PixelSpacing);
            var known = ps.Length >= 2 && ps[0] > 0 && ps[1] > 0 && double.IsFinite(ps[0] + ps[1]);
            if (!known)
            {
                // Projection radiography: spacing at the detector, corrected by the estimated magnification (PS3.3 C.8.11.7).
                var imager = ds.GetNumbers(DicomTag.ImagerPixelSpacing);
                var mag = ds.GetNumber(new DicomTag(0x0018, 0x1114)) is { } g && g > 0 && double.IsFinite(g) ? g : 1.0;
                if (imager.Length >= 2 && imager[0] > 0 && imager[1] > 0 && double.IsFinite(imager[0] + imager[1]))
                {
                    ps = [imager[0] / mag, imager[1] / mag];
                    known = true;
                }
            }
            if (!known) ps = [1.0, 1.0];
            var gap = (measures ?? ds).GetNumber(DicomTag.SpacingBetweenSlices) ?? (measures ?? ds).GetNumber(DicomTag.SliceThickness);
            var pvt = Group(DicomTag.PixelValueTransformationSequence);
            var slope = (pvt ?? ds).GetNumber(DicomTag.RescaleSlope) ?? ds.GetNumber(DicomTag.RescaleSlope) ?? 1.0;
            var intercept = (pvt ?? ds).GetNumber(DicomTag.RescaleIntercept) ?? ds.GetNumber(DicomTag.RescaleIntercept) ?? 0.0;
            if (!double.IsFinite(slope) || slope == 0) slope = 1;
            if (!double.IsFinite(intercept)) intercept = 0;
            var lut = ds.GetItems(DicomTag.ModalityLUTSequence) is [var l, ..] ? l : null;
            yield return new DicomFrameInfo(f, i, pos, row, col, ps[0], ps[1], known, slope, intercept, lut,
                gap is > 0 && double.IsFinite(gap.Value) ? gap : null, instance);
        }
    }

    private static Vec3? Vec(DicomDataset? ds, DicomTag tag) =>
        ds?.GetNumbers(tag) is { Length: >= 3 } v && double.IsFinite(v[0] + v[1] + v[2]) ? new Vec3(v[0], v[1], v[2]) : null;
}
