namespace DiscScope.Analysis.DiscGrading;

/// <summary>
/// The radiologist's gradings of one disc in SPIDER gradings.csv (van der Graaf et al. 2024): Pfirrmann 1..5, Modic 0..3, and the binary
/// findings (0/1). <see cref="IvdLabel"/>: 1 = L5-S1, 2 = L4-L5, ...
/// </summary>
public sealed record GradingLabels(string Patient, int IvdLabel, int Pfirrmann, int Modic, bool EndplateUpper, bool EndplateLower,
    bool Spondylolisthesis, bool Herniation, bool Narrowing, bool Bulging);
