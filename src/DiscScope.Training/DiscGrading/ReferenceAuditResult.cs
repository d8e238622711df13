namespace DiscScope.Training.DiscGrading;

/// <summary>
/// What <see cref="ReferenceAudit"/> finds in the reference gradings: confident learning per head and the questioned references, the
/// discs whose references contradict each other (<see cref="ReferenceConsistency"/>; rule → discs as "patient:IVD"), every patient's
/// Pfirrmann offset, and the headline figures on the self-consistent and the self-contradicting discs.
/// </summary>
public sealed record ReferenceAuditResult(
    int Discs,
    int Patients,
    IReadOnlyList<HeadAudit> Heads,
    IReadOnlyList<QuestionedReference> Questioned,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Inconsistent,
    IReadOnlyList<PatientGradeOffset> PfirrmannOffsets,
    SubgroupAttributeResult Consistency);
