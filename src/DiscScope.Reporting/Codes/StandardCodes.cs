namespace DiscScope.Reporting.Codes;

/// <summary>
/// DICOM (DCM, PS3.16 Annex D), SNOMED CT qualifier, LOINC and UCUM codes used by the SR, SEG and FHIR outputs.
/// Provenance: PS3.16 TID 1500/1501/1002/1004/4019 and Annex D as of 2024; LOINC 24968-0 from the LOINC radiology
/// playbook; UCUM unit strings from the UCUM specification.
/// </summary>
public static class StandardCodes
{
    // TID 1500 Measurement Report and its sub-templates.
    public static readonly CodedConcept ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    public static readonly CodedConcept LanguageOfContent = new("121049", "DCM", "Language of Content Item and Descendants");
    public static readonly CodedConcept EnglishUs = new("en-US", "RFC5646", "English (United States)");
    public static readonly CodedConcept ObserverType = new("121005", "DCM", "Observer Type");
    public static readonly CodedConcept Device = new("121007", "DCM", "Device");
    public static readonly CodedConcept DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    public static readonly CodedConcept DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    public static readonly CodedConcept DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    public static readonly CodedConcept DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    public static readonly CodedConcept ProcedureReported = new("121058", "DCM", "Procedure reported");
    public static readonly CodedConcept ImageLibrary = new("111028", "DCM", "Image Library");
    public static readonly CodedConcept ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    public static readonly CodedConcept ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    public static readonly CodedConcept MeasurementGroup = new("125007", "DCM", "Measurement Group");
    public static readonly CodedConcept TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    public static readonly CodedConcept TrackingUniqueIdentifier = new("112040", "DCM", "Tracking Unique Identifier");
    public static readonly CodedConcept ReferencedSegment = new("121191", "DCM", "Referenced Segment");
    public static readonly CodedConcept SourceSeriesForSegmentation = new("121232", "DCM", "Source series for segmentation");
    public static readonly CodedConcept AlgorithmName = new("111001", "DCM", "Algorithm Name");
    public static readonly CodedConcept AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    public static readonly CodedConcept FindingSite = new("363698007", "SCT", "Finding Site");
    public static readonly CodedConcept MeasurementMethod = new("370129005", "SCT", "Measurement Method");

    // SEG (PS3.3 C.8.20) derivation codes (CID 7203 / CID 7202).
    public static readonly CodedConcept Segmentation = new("113076", "DCM", "Segmentation");
    public static readonly CodedConcept SourceImageForProcessing = new("121322", "DCM", "Source image for image processing operation");

    // SNOMED CT qualifiers (CID 230 Yes-No, CID 240 Normal-Abnormal style presence).
    public static readonly CodedConcept Present = new("52101004", "SCT", "Present");
    public static readonly CodedConcept Absent = new("2667000", "SCT", "Absent");
    public static readonly CodedConcept Yes = new("373066001", "SCT", "Yes");
    public static readonly CodedConcept No = new("373067005", "SCT", "No");

    /// <summary>The procedure DiscScope reports on (LOINC radiology playbook).</summary>
    public static readonly CodedConcept MrLumbarSpine = new("24968-0", "LN", "MR Lumbar spine");

    // UCUM units.
    public static readonly CodedConcept Millimetre = new("mm", "UCUM", "millimeter");
    public static readonly CodedConcept Degree = new("deg", "UCUM", "degree");
    public static readonly CodedConcept Percent = new("%", "UCUM", "percent");
    public static readonly CodedConcept NoUnits = new("1", "UCUM", "no units");
}
