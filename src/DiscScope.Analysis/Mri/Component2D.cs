namespace DiscScope.Analysis.Mri;

/// <summary>One 8-connected region of a class in a 2D map: its pixel indices (y * width + x) and moments in mm (x anterior->posterior, y superior->inferior).</summary>
public sealed record Component2D(int[] Pixels, double AreaMm2, double CentroidXMm, double CentroidYMm, double TopYMm, double BottomYMm,
    double AxisXMm, double AxisYMm)
{
    /// <summary>Long axis (unit vector, x >= 0) from the second moments.</summary>
    public (double X, double Y) LongAxis => (AxisXMm, AxisYMm);
}
