using System.Globalization;
using DiscScope.Dicom;
using DiscScope.Domain.Reports;

namespace DiscScope.Reporting.Dicom;

/// <summary>
/// The modules the SR and SEG share (PS3.3): SOP Common, Patient, General Study, General Series basics, General Equipment
/// (with Enhanced General Equipment attributes), all filled from the report's source so the derived objects join the
/// source study.
/// </summary>
internal static class DicomCommonModules
{
    public const string Manufacturer = "DiscScope contributors";
    public const string ModelName = "DiscScope";

    public static DicomDataset Create(StudyReport r, string sopClassUid, string sopInstanceUid, string modality, string seriesUid, int seriesNumber, string seriesDescription)
    {
        if (r.Source.StudyInstanceUid is null) throw new ReportingException(modality, "the report has no StudyInstanceUID; derived DICOM objects must join the source study");
        var d = new DicomDataset();
        var created = r.Created.ToUniversalTime();
        d.Str("SpecificCharacterSet", "ISO_IR 192")
         .Str("SOPClassUID", sopClassUid).Str("SOPInstanceUID", sopInstanceUid)
         .Str("InstanceCreationDate", created.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
         .Str("InstanceCreationTime", created.ToString("HHmmss", CultureInfo.InvariantCulture))
         .Str("StudyDate", r.Source.StudyDate ?? "").Str("StudyTime", "")
         .Str("ContentDate", created.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
         .Str("ContentTime", created.ToString("HHmmss", CultureInfo.InvariantCulture))
         .Str("AccessionNumber", "").Str("Modality", modality).Str("Manufacturer", Manufacturer)
         .Str("ReferringPhysicianName", "").Str("SeriesDescription", seriesDescription)
         .Str("ManufacturerModelName", ModelName)
         .Str("PatientName", r.Source.PatientName ?? "").Str("PatientID", r.Source.PatientId ?? "")
         .Str("PatientBirthDate", "").Str("PatientSex", "")
         .Str("DeviceSerialNumber", "0")
         .Str("SoftwareVersions", r.SoftwareVersion)
         .Str("StudyInstanceUID", r.Source.StudyInstanceUid).Str("SeriesInstanceUID", seriesUid)
         .Str("StudyID", "").Num("SeriesNumber", seriesNumber).Num("InstanceNumber", 1);
        return d;
    }
}
