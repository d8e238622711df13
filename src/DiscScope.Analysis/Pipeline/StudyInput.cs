using DiscScope.Domain.Reports;
using DiscScope.Imaging;

namespace DiscScope.Analysis.Pipeline;

/// <summary>What to analyse: the T2 (or T2-SPACE) sagittal image or series, optionally the same patient's T1, and where they came from.</summary>
public sealed record StudyInput(IVolume T2, StudySource Source)
{
    public IVolume? T1 { get; init; }
}
