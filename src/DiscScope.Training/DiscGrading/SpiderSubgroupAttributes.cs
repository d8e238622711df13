using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Training.DiscGrading;

/// <summary>
/// The subgroups of the SPIDER grading set: scanner vendor, field strength, scanner model, sex (from the row of overview.csv of the
/// series the grading crops come from: the patient's T2 TSE, else T2-SPACE, as in <see cref="Analysis.DiscGrading.GradingDatasetBuilder"/>),
/// whether a T1 crop was used, and the disc level.
/// </summary>
public static class SpiderSubgroupAttributes
{
    /// <summary>Scanner models with fewer patients than this are pooled as "other".</summary>
    public const int MinPatientsPerScannerModel = 10;

    public static IReadOnlyList<SubgroupAttribute> For(IReadOnlyDictionary<string, SpiderData.Series> overview, IReadOnlyList<OutOfFoldPrediction> discs)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(discs);
        SpiderData.Series? T2(string patient) => overview.GetValueOrDefault(patient + "_t2") ?? overview.GetValueOrDefault(patient + "_t2_SPACE");
        var modelPatients = discs.Select(d => d.Patient).Distinct().Select(p => T2(p)?.ScannerModel).OfType<string>()
            .GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        string? Model(string patient) => T2(patient)?.ScannerModel is { } m ? (modelPatients[m] >= MinPatientsPerScannerModel ? m : "other") : null;
        return
        [
            new("vendor", "scanner manufacturer", d => ScannerGroups.Vendor(T2(d.Patient)?.Manufacturer), ["Philips", "Siemens"]),
            new("field_strength", "magnetic field strength", d => ScannerGroups.FieldStrength(T2(d.Patient)?.FieldStrengthT), ["1.5 T", "3 T"]),
            new("scanner_model", $"scanner model (models with fewer than {MinPatientsPerScannerModel} patients pooled as other)", d => Model(d.Patient),
                [.. modelPatients.Where(e => e.Value >= MinPatientsPerScannerModel).OrderByDescending(e => e.Value).Select(e => e.Key), "other"]),
            new("sex", "patient's sex", d => T2(d.Patient)?.Sex?.ToUpperInvariant() switch { "F" => "female", "M" => "male", _ => null }, ["female", "male"]),
            new("t1", "whether the grading saw a T1 crop of the disc", d => d.HasT1 ? "T2 and T1" : "T2 only", ["T2 and T1", "T2 only"]),
            new("level", "disc level", d => Level(d.IvdLabel), ["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2", "T12-L1", "T11-T12 and above"]),
        ];
    }

    /// <summary>The level of a SPIDER IVD label from L5-S1 (1) up to T12-L1 (6); the discs above are pooled.</summary>
    public static string Level(int ivdLabel) => ivdLabel switch
    {
        >= 1 and <= 6 => DiscLevel.FromSpiderIvdLabel(ivdLabel).ToString(),
        > 6 => "T11-T12 and above",
        _ => throw new ArgumentOutOfRangeException(nameof(ivdLabel), ivdLabel, "SPIDER IVD labels start at 1 (L5-S1)"),
    };
}
