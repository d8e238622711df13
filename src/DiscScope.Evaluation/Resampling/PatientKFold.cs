namespace DiscScope.Evaluation;

/// <summary>
/// Patient-level (grouped) K-fold cross-validation splitter, stratified when strata are given, seeded and deterministic.
/// Each patient gets one stratum: the most frequent stratum of its samples (ties to the smaller value, e.g. the milder
/// grade). Patients are sorted by ID (ordinal), shuffled by a seeded generator, stably ordered by stratum, and dealt to
/// folds in turn, so each stratum's patients spread over the folds as evenly as possible (counts differ by at most one)
/// and fold sizes in patients differ by at most one. A stratum with fewer patients than folds is absent from some folds,
/// which is as stratified as grouping allows. The result does not depend on the order of the samples.
/// </summary>
public static class PatientKFold
{
    /// <summary>Splits samples by patient into <paramref name="folds"/> folds.</summary>
    /// <param name="patientOfSample">Patient ID of each sample (e.g. DICOM PatientID).</param>
    /// <param name="folds">K ≥ 2, at most the number of patients.</param>
    /// <param name="seed">Seed of the patient shuffle.</param>
    /// <param name="stratumOfSample">Optional stratum of each sample (e.g. grade index); null for an unstratified split.</param>
    public static FoldSplit Split(IReadOnlyList<string> patientOfSample, int folds, int seed, IReadOnlyList<int>? stratumOfSample = null)
    {
        ArgumentNullException.ThrowIfNull(patientOfSample);
        if (stratumOfSample is not null && stratumOfSample.Count != patientOfSample.Count)
            throw new EvaluationException($"{patientOfSample.Count} samples but {stratumOfSample.Count} strata");
        var samplesOf = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var n = 0; n < patientOfSample.Count; n++)
        {
            var id = patientOfSample[n] ?? throw new EvaluationException($"sample {n} has no patient ID");
            if (!samplesOf.TryGetValue(id, out var list)) samplesOf[id] = list = [];
            list.Add(n);
        }
        if (folds < 2) throw new EvaluationException($"K-fold needs K ≥ 2, got {folds}");
        if (samplesOf.Count < folds) throw new EvaluationException($"{samplesOf.Count} patients cannot fill {folds} folds");

        var patients = samplesOf.Keys.ToArray();
        var rng = new Random(seed);
        for (var n = patients.Length - 1; n > 0; n--)
        {
            var m = rng.Next(n + 1);
            (patients[n], patients[m]) = (patients[m], patients[n]);
        }
        if (stratumOfSample is not null)
            patients = [.. patients.OrderBy(p => StratumOf(samplesOf[p], stratumOfSample))]; // OrderBy is stable: shuffled order within a stratum

        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < patients.Length; n++) foldOf[patients[n]] = n % folds;
        var result = new Fold[folds];
        for (var f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var n = 0; n < patientOfSample.Count; n++) (foldOf[patientOfSample[n]] == f ? test : train).Add(n);
            var held = foldOf.Where(kv => kv.Value == f).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
            result[f] = new Fold(f, train, test, held);
        }
        return new FoldSplit(result, stratumOfSample is not null, seed, patients.Length);
    }

    private static int StratumOf(List<int> samples, IReadOnlyList<int> strata) =>
        samples.GroupBy(n => strata[n]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
}
