using System.Globalization;
using DiscScope.Dicom;
using DiscScope.Imaging;

namespace DiscScope.Reporting.Dicom.Mr;

/// <summary>
/// Writes a volume as a single-frame MR Image Storage series (PS3.3 A.4: Patient, General Study, General Series, Frame of Reference,
/// General Equipment, General/Image Plane/Image Pixel, MR Image, SOP Common), one file per slice k, 16-bit unsigned pixels.
/// Used by the demo to turn the synthetic phantom into the kind of series a scanner sends.
/// </summary>
public static class MrSeriesBuilder
{
    public const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";

    public static IReadOnlyList<DicomFile> Build(Volume<float> image, MrSeriesInfo info)
    {
        var g = image.Geometry;
        var (min, max) = image.Range();
        var scale = max > 65535 || min < 0 ? 65535.0 / Math.Max(1e-9, max - Math.Min(0, min)) : 1.0;
        var offset = min < 0 ? -min : 0;
        var files = new List<DicomFile>();
        var row = g.Direction.Column(0); var col = g.Direction.Column(1);
        for (var k = 0; k < g.SizeK; k++)
        {
            var p = g.IndexToWorld(0, 0, k);
            var px = new byte[g.SizeI * g.SizeJ * 2];
            var plane = (long)g.SizeI * g.SizeJ * k;
            for (var n = 0; n < g.SizeI * g.SizeJ; n++)
            {
                var v = (ushort)Math.Clamp(Math.Round((image.Voxels[plane + n] + offset) * scale), 0, 65535);
                px[2 * n] = (byte)v; px[2 * n + 1] = (byte)(v >> 8);
            }
            var sop = DicomUid.Generate();
            var d = new DicomDataset();
            d.Str("SpecificCharacterSet", "ISO_IR 192")
             .Str("ImageType", "ORIGINAL", "PRIMARY", "OTHER")
             .Str("SOPClassUID", MrImageStorage).Str("SOPInstanceUID", sop)
             .Str("StudyDate", info.StudyDate).Str("StudyTime", "120000").Str("AccessionNumber", "")
             .Str("Modality", "MR").Str("Manufacturer", DicomCommonModules.Manufacturer).Str("ReferringPhysicianName", "")
             .Str("StudyDescription", info.StudyDescription).Str("SeriesDescription", info.SeriesDescription)
             .Str("ManufacturerModelName", "DiscScope synthetic phantom")
             .Str("PatientName", info.PatientName).Str("PatientID", info.PatientId).Str("PatientBirthDate", "").Str("PatientSex", "")
             .Str("BodyPartExamined", "LSPINE").Str("PatientPosition", "HFS")
             .Str("ScanningSequence", "SE").Str("SequenceVariant", "NONE").Str("ScanOptions", "").Str("MRAcquisitionType", "2D")
             .Num("SliceThickness", g.Spacing.Z).Num("RepetitionTime", 3000).Num("EchoTime", 100).Num("EchoTrainLength", 16)
             .Num("MagneticFieldStrength", 1.5)
             .Str("StudyInstanceUID", info.StudyInstanceUid).Str("SeriesInstanceUID", info.SeriesInstanceUid)
             .Str("StudyID", "1").Num("SeriesNumber", info.SeriesNumber).Num("InstanceNumber", k + 1)
             .Num("ImagePositionPatient", p.X, p.Y, p.Z)
             .Num("ImageOrientationPatient", row.X, row.Y, row.Z, col.X, col.Y, col.Z)
             .Str("FrameOfReferenceUID", info.FrameOfReferenceUid).Str("PositionReferenceIndicator", "")
             .US("SamplesPerPixel", 1).Str("PhotometricInterpretation", "MONOCHROME2")
             .US("Rows", (ushort)g.SizeJ).US("Columns", (ushort)g.SizeI)
             .Num("PixelSpacing", g.Spacing.Y, g.Spacing.X)
             .US("BitsAllocated", 16).US("BitsStored", 16).US("HighBit", 15).US("PixelRepresentation", 0)
             .Bytes("PixelData", DicomVR.OW, px);
            files.Add(new DicomFile(new DicomDataset(), d, TransferSyntax.ExplicitVRLittleEndian, null, string.Create(CultureInfo.InvariantCulture, $"IM{k + 1:0000}.dcm")));
        }
        return files;
    }
}
