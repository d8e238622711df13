using DiscScope.Domain.Anatomy;

namespace DiscScope.Reporting.Codes;

/// <summary>
/// SNOMED CT codes of the spine structures DiscScope segments and reports: discs (DICOM PS3.16 CID 7604), vertebrae
/// (CID 7603), the sacrum, lumbar spine and "Anatomical Structure" category, and the spinal CSF pathway used for the canal
/// label (CID 7153). The tables are generated (AnatomyCodes.Generated.cs) by tools/codes/generate.py from
/// tools/codes/spine-codes.csv, whose rows name their context group.
/// </summary>
public static partial class AnatomyCodes
{
    /// <summary>The disc itself (CID 7604), e.g. L4-L5 -> (84020006, SCT, "L4/L5 disc").</summary>
    public static CodedConcept Disc(DiscLevel d) =>
        Discs.TryGetValue(d.ToString(), out var c) ? c
        : throw new ReportingException("codes", $"no SNOMED CT code for the {d} disc in tools/codes/spine-codes.csv (CID 7604 subset)");

    /// <summary>A vertebra (CID 7603; S1 as the sacrum, CID 4), e.g. L4 -> (11994002, SCT, "L4 vertebra").</summary>
    public static CodedConcept Vertebra(VertebraLevel v) =>
        Vertebrae.TryGetValue(v, out var c) ? c
        : throw new ReportingException("codes", $"no SNOMED CT code for vertebra {v} in tools/codes/spine-codes.csv (CID 7603)");
}
