using DiscScope.Domain.Anatomy;

namespace DiscScope.Reporting.Codes;

/// <summary>
/// SNOMED CT codes of the spine structures DiscScope segments and reports.
/// Provenance: DICOM PS3.16 CID 7604 "Intervertebral Disc" (discs, CID version 20220922), CID 7603 "Vertebra" (vertebrae),
/// CID 7153 "CNS Segmentation Type" (spinal CSF pathway, used for the canal label), the "Anatomical Structure" category of
/// CID 7150 and "Sacrum" of CID 4; transcribed by hand from the FHIR rendering of the DICOM context groups
/// (github.com/bvdh/dicom-terminology-in-fhir, input/fsh/ValueSet-dicom-cid-760{3,4}-*.fsh) and checked against each other.
/// </summary>
public static class AnatomyCodes
{
    /// <summary>SegmentedPropertyCategory for every DiscScope segment (CID 7150).</summary>
    public static readonly CodedConcept AnatomicalStructure = new("123037004", "SCT", "Anatomical Structure");

    public static readonly CodedConcept Sacrum = new("54735007", "SCT", "Sacrum");

    /// <summary>Finding site of spine-level measurements such as the lordosis (CID 4).</summary>
    public static readonly CodedConcept LumbarSpine = new("122496007", "SCT", "Lumbar spine");

    /// <summary>The canal label holds the CSF-filled dural sac on T2; coded as the spinal CSF pathway (CID 7153).</summary>
    public static readonly CodedConcept SpinalCsf = new("280401006", "SCT", "Spinal cerebrospinal fluid pathway");

    /// <summary>The disc itself (CID 7604), e.g. L4-L5 -> (84020006, SCT, "L4/L5 disc").</summary>
    public static CodedConcept Disc(DiscLevel d) => d.ToString() switch
    {
        "T1-T2" => new("40908007", "SCT", "T1/T2 disc"),
        "T7-T8" => new("28693002", "SCT", "T7/T8 disc"),
        "T8-T9" => new("9188009", "SCT", "T8/T9 disc"),
        "T9-T10" => new("113209001", "SCT", "T9/T10 disc"),
        "T10-T11" => new("34959001", "SCT", "T10/T11 disc"),
        "T11-T12" => new("1537001", "SCT", "T11/T12 disc"),
        "T12-L1" => new("76206002", "SCT", "T12/L1 disc"),
        "L1-L2" => new("80064006", "SCT", "L1/L2 disc"),
        "L2-L3" => new("67459009", "SCT", "L2/L3 disc"),
        "L3-L4" => new("62551000", "SCT", "L3/L4 disc"),
        "L4-L5" => new("84020006", "SCT", "L4/L5 disc"),
        "L5-S1" => new("715056000", "SCT", "L5/S1 disc"),
        _ => throw new ReportingException("codes", $"no SNOMED CT code for the {d} disc in DiscScope's table (CID 7604 subset T7-T8..L5-S1)"),
    };

    /// <summary>A vertebra (CID 7603; the sacrum from CID 4), e.g. L4 -> (11994002, SCT, "L4 vertebra").</summary>
    public static CodedConcept Vertebra(VertebraLevel v) => v switch
    {
        VertebraLevel.T9 => new("82687006", "SCT", "T9 vertebra"),
        VertebraLevel.T10 => new("7610001", "SCT", "T10 vertebra"),
        VertebraLevel.T11 => new("12989004", "SCT", "T11 vertebra"),
        VertebraLevel.T12 => new("23215003", "SCT", "T12 vertebra"),
        VertebraLevel.L1 => new("66794005", "SCT", "L1 vertebra"),
        VertebraLevel.L2 => new("14293000", "SCT", "L2 vertebra"),
        VertebraLevel.L3 => new("36470004", "SCT", "L3 vertebra"),
        VertebraLevel.L4 => new("11994002", "SCT", "L4 vertebra"),
        VertebraLevel.L5 => new("49668003", "SCT", "L5 vertebra"),
        VertebraLevel.S1 => Sacrum,
        _ => throw new ReportingException("codes", $"no SNOMED CT code for vertebra {v} in DiscScope's table (CID 7603 subset T9..L5, sacrum)"),
    };
}
