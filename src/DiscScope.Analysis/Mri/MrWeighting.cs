namespace DiscScope.Analysis.Mri;

/// <summary>The contrast weighting of an MR series as far as its acquisition timing tells it (<see cref="MrWeightingRule"/>).</summary>
public enum MrWeighting
{
    /// <summary>The timing does not decide it (missing, or between the two: proton density, STIR, gradient echo).</summary>
    Unknown,
    /// <summary>Short echo and repetition times.</summary>
    T1,
    /// <summary>Long echo time.</summary>
    T2,
}
