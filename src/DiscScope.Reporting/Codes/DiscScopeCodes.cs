using DiscScope.Domain.Reports;

namespace DiscScope.Reporting.Codes;

/// <summary>
/// DiscScope's private codes (coding scheme designator "99DSCOPE", PS3.16 8.2: private schemes start with "99") for concepts
/// without a standard code: the SPIDER gradings and their values, the model probability, the review flag and the disc
/// morphometry measurements. Documented with definitions in docs/codes.md; declared in the SR's Coding Scheme Identification
/// Sequence and used as the FHIR code system <see cref="FhirSystem"/>.
/// </summary>
public static class DiscScopeCodes
{
    public const string Scheme = "99DSCOPE";
    public const string SchemeName = "DiscScope private codes";
    public const string FhirSystem = "https://discscope.example/fhir/CodeSystem/discscope";

    private static CodedConcept C(string v, string m) => new(v, Scheme, m);

    public static readonly CodedConcept PfirrmannGrade = C("PFIRRMANN", "Pfirrmann grade");
    public static readonly CodedConcept ModicType = C("MODIC", "Modic type");
    public static readonly CodedConcept Herniation = C("HERNIATION", "Disc herniation");
    public static readonly CodedConcept Bulging = C("BULGING", "Disc bulging");
    public static readonly CodedConcept Narrowing = C("NARROWING", "Disc space narrowing");
    public static readonly CodedConcept Spondylolisthesis = C("LISTHESIS", "Spondylolisthesis");
    public static readonly CodedConcept EndplateUpper = C("ENDPLATE_UPPER", "Upper endplate defect");
    public static readonly CodedConcept EndplateLower = C("ENDPLATE_LOWER", "Lower endplate defect");
    public static readonly CodedConcept Probability = C("PROBABILITY", "Model probability");
    public static readonly CodedConcept ReviewRecommended = C("REVIEW", "Review recommended");

    public static readonly CodedConcept DiscHeightAnterior = C("DH_ANT", "Disc height, anterior");
    public static readonly CodedConcept DiscHeightMiddle = C("DH_MID", "Disc height, middle");
    public static readonly CodedConcept DiscHeightPosterior = C("DH_POST", "Disc height, posterior");
    public static readonly CodedConcept DiscHeightIndex = C("DHI", "Disc height index");
    public static readonly CodedConcept WedgeAngle = C("WEDGE", "Disc wedge angle");
    public static readonly CodedConcept PosteriorDisplacement = C("POST_DISP", "Posterior disc displacement");
    public static readonly CodedConcept SignalIntensityRatio = C("SIR", "Disc to CSF T2 signal intensity ratio");
    public static readonly CodedConcept CanalApDiameter = C("CANAL_AP", "Spinal canal AP diameter");
    public static readonly CodedConcept ListhesisSlip = C("SLIP_MM", "Listhesis slip");
    public static readonly CodedConcept ListhesisPercent = C("SLIP_PCT", "Listhesis slip percentage");
    public static readonly CodedConcept DiscScopeMethod = C("DSCOPE_MORPH", "DiscScope mid-sagittal morphometry");
    public static readonly CodedConcept VertebralHeights = C("VERTEBRAL_HEIGHTS", "Vertebral body heights");
    public static readonly CodedConcept VertebralHeightAnterior = C("VB_H_ANT", "Vertebral body height, anterior");
    public static readonly CodedConcept VertebralHeightMiddle = C("VB_H_MID", "Vertebral body height, middle");
    public static readonly CodedConcept VertebralHeightPosterior = C("VB_H_POST", "Vertebral body height, posterior");
    public static readonly CodedConcept LumbarLordosis = C("LORDOSIS", "Lumbar lordosis angle (L1-S1)");

    /// <summary>The concept name of a grading.</summary>
    public static CodedConcept Of(Grading g) => g switch
    {
        Grading.Pfirrmann => PfirrmannGrade,
        Grading.Modic => ModicType,
        Grading.Herniation => Herniation,
        Grading.Bulging => Bulging,
        Grading.Narrowing => Narrowing,
        Grading.Spondylolisthesis => Spondylolisthesis,
        Grading.EndplateUpper => EndplateUpper,
        Grading.EndplateLower => EndplateLower,
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, null),
    };

    /// <summary>Pfirrmann grade 1..5 (Pfirrmann et al., Spine 2001).</summary>
    public static CodedConcept PfirrmannValue(int grade) =>
        grade is >= 1 and <= 5 ? C($"PFIRRMANN_{grade}", $"Pfirrmann grade {grade}") : throw new ReportingException("codes", $"Pfirrmann grade {grade} is not 1..5");

    /// <summary>Modic type 0 (none) .. 3 (Modic et al., Radiology 1988).</summary>
    public static CodedConcept ModicValue(int type) =>
        type == 0 ? C("MODIC_0", "No Modic change") : type is >= 1 and <= 3 ? C($"MODIC_{type}", $"Modic type {type}") : throw new ReportingException("codes", $"Modic type {type} is not 0..3");

    /// <summary>Every private code, for documentation and the FHIR CodeSystem.</summary>
    public static IReadOnlyList<CodedConcept> All =>
    [
        PfirrmannGrade, ModicType, Herniation, Bulging, Narrowing, Spondylolisthesis, EndplateUpper, EndplateLower, Probability, ReviewRecommended,
        DiscHeightAnterior, DiscHeightMiddle, DiscHeightPosterior, DiscHeightIndex, WedgeAngle, PosteriorDisplacement, SignalIntensityRatio,
        CanalApDiameter, ListhesisSlip, ListhesisPercent, DiscScopeMethod, VertebralHeights,
        VertebralHeightAnterior, VertebralHeightMiddle, VertebralHeightPosterior, LumbarLordosis,
        .. Enumerable.Range(1, 5).Select(PfirrmannValue), .. Enumerable.Range(0, 4).Select(ModicValue),
    ];
}
