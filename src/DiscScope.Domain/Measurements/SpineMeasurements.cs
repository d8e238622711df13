using DiscScope.Domain.Quantities;

namespace DiscScope.Domain.Measurements;

/// <summary>All measurements of one mid-sagittal slice. <see cref="LumbarLordosis"/>: angle between the L1 upper and S1 upper endplates (positive = lordosis).</summary>
public sealed record SpineMeasurements(IReadOnlyList<DiscMeasurement> Discs, IReadOnlyList<VertebraMeasurement> Vertebrae, Degrees? LumbarLordosis);
