namespace DiscScope.Training.DiscGrading;

/// <summary>
/// A patient's systematic disagreement between reference and prediction on an ordinal grade: the mean over the patient's discs of
/// (reference grade − expected predicted grade), with the disc count. A reader who grades a whole spine one grade lower than the
/// network (or a network that misreads one scan's contrast) shows as an offset near −1 on every disc, not as scattered errors.
/// </summary>
public sealed record PatientGradeOffset(string Patient, int Discs, double MeanOffset)
{
    /// <summary>Expected class Σ c·p_c of a distribution over classes 0..C−1.</summary>
    public static double ExpectedClass(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var total = p.Sum();
        if (!(total > 0) || !double.IsFinite(total)) throw new ArgumentException("probabilities must have a positive finite sum", nameof(p));
        return p.Select((v, c) => v * c).Sum() / total;
    }

    /// <summary>One offset per patient (ordinal order of the ids), from (patient, reference class, predicted distribution) per disc.</summary>
    public static IReadOnlyList<PatientGradeOffset> Of(IEnumerable<(string Patient, int Reference, IReadOnlyList<double> Probabilities)> discs)
    {
        ArgumentNullException.ThrowIfNull(discs);
        return [.. discs.GroupBy(d => d.Patient, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PatientGradeOffset(g.Key, g.Count(), g.Average(d => d.Reference - ExpectedClass(d.Probabilities))))];
    }
}
