namespace DiscScope.Evaluation.Tests.Resampling;

public class PatientKFoldTests
{
    /// <summary>43 patients with 3..7 discs each; a patient's discs share a grade stratum 0..4 mostly (skewed: grade 4 is rare).</summary>
    private static (string[] Patients, int[] Strata) Cohort(int seed)
    {
        var rng = new Random(seed);
        var patients = new List<string>();
        var strata = new List<int>();
        for (var p = 0; p < 43; p++)
        {
            var grade = rng.NextDouble() switch { < 0.3 => 0, < 0.55 => 1, < 0.75 => 2, < 0.92 => 3, _ => 4 };
            var discs = 3 + rng.Next(5);
            for (var d = 0; d < discs; d++) { patients.Add($"SUB-{p:D3}"); strata.Add(d == 0 ? (grade + 1) % 5 : grade); }
        }
        return ([.. patients], [.. strata]);
    }

    [Fact]
    public void PatientsAreNeverSplitAndEverySampleIsTestedOnce()
    {
        var (patients, strata) = Cohort(1);
        var split = PatientKFold.Split(patients, 5, 42, strata);
        Assert.True(split.Stratified);
        Assert.Equal(43, split.Patients);
        var tested = new int[patients.Length];
        foreach (var f in split.Folds)
        {
            foreach (var n in f.TestIndices) tested[n]++;
            Assert.Equal(patients.Length, f.TrainIndices.Count + f.TestIndices.Count);
            var testPatients = f.TestIndices.Select(n => patients[n]).ToHashSet();
            Assert.DoesNotContain(f.TrainIndices, n => testPatients.Contains(patients[n]));
            Assert.Equal(testPatients.Order(StringComparer.Ordinal), f.TestPatients);
        }
        Assert.All(tested, c => Assert.Equal(1, c));
        var sizes = split.Folds.Select(f => f.TestPatients.Count).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes)); // 43 = 9+9+9+8+8
    }

    [Fact]
    public void EachStratumSpreadsEvenlyOverFolds()
    {
        var (patients, strata) = Cohort(2);
        var split = PatientKFold.Split(patients, 5, 7, strata);
        // A patient's stratum is its majority stratum: the discs after the first.
        var stratumOf = patients.Select((p, n) => (p, s: strata[n])).GroupBy(x => x.p)
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.s).OrderByDescending(h => h.Count()).ThenBy(h => h.Key).First().Key);
        foreach (var s in stratumOf.Values.Distinct())
        {
            var perFold = split.Folds.Select(f => f.TestPatients.Count(p => stratumOf[p] == s)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"stratum {s}: {string.Join(",", perFold)}");
        }
    }

    [Fact]
    public void DeterministicForASeedAndIndependentOfSampleOrder()
    {
        var (patients, strata) = Cohort(3);
        var a = PatientKFold.Split(patients, 5, 11, strata);
        var b = PatientKFold.Split(patients, 5, 11, strata);
        Assert.Equal(a.Folds.Select(f => f.TestPatients), b.Folds.Select(f => f.TestPatients));
        Assert.Equal(a.Folds.Select(f => f.TestIndices), b.Folds.Select(f => f.TestIndices));
        var c = PatientKFold.Split(patients, 5, 12, strata);
        Assert.NotEqual(a.Folds.Select(f => string.Join(",", f.TestPatients)), c.Folds.Select(f => string.Join(",", f.TestPatients)));
        var reversed = PatientKFold.Split([.. patients.Reverse()], 5, 11, [.. strata.Reverse()]);
        Assert.Equal(a.Folds.Select(f => f.TestPatients), reversed.Folds.Select(f => f.TestPatients));
    }

    [Fact]
    public void UnstratifiedAndInvalidRequests()
    {
        var split = PatientKFold.Split(["a", "a", "b", "c"], 3, 1);
        Assert.False(split.Stratified);
        Assert.All(split.Folds, f => Assert.Single(f.TestPatients));
        Assert.Throws<EvaluationException>(() => PatientKFold.Split(["a", "b"], 3, 1));
        Assert.Throws<EvaluationException>(() => PatientKFold.Split(["a", "b"], 1, 1));
        Assert.Throws<EvaluationException>(() => PatientKFold.Split(["a", "b"], 2, 1, [0]));
    }
}
