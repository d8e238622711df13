using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Synthetic;

/// <summary>
/// Ground truth of one phantom disc: designed anterior/middle/posterior heights (mm, distances between the adjacent endplates
/// at the anterior corners, the centres and the posterior corners), nucleus signal relative to CSF, and the planted lesions.
/// </summary>
public sealed record PhantomDisc(DiscLevel Level, double AnteriorMm, double MiddleMm, double PosteriorMm, double SignalRatio, bool Degenerated, double HerniationMm);
