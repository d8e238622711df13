namespace DiscScope.Reporting.Codes;

/// <summary>
/// A coded concept (PS3.3 8.8 Code Sequence Macro: Code Value, Coding Scheme Designator, Code Meaning). Schemes used:
/// SCT (SNOMED CT), DCM (DICOM PS3.16 Annex D), LN (LOINC), UCUM, and 99DSCOPE (DiscScope's private codes, docs/codes.md).
/// </summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    /// <summary>The FHIR code system URI of the scheme (FHIR R4 terminology: snomed.info/sct, loinc.org, unitsofmeasure.org, DICOM).</summary>
    public string FhirSystem => Scheme switch
    {
        "SCT" => "http://snomed.info/sct",
        "LN" => "http://loinc.org",
        "UCUM" => "http://unitsofmeasure.org",
        "DCM" => "http://dicom.nema.org/resources/ontology/DCM",
        DiscScopeCodes.Scheme => DiscScopeCodes.FhirSystem,
        _ => throw new InvalidOperationException($"no FHIR system for coding scheme {Scheme}"),
    };

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
