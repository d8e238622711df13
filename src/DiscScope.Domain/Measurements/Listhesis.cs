using DiscScope.Domain.Quantities;

namespace DiscScope.Domain.Measurements;

/// <summary>
/// Spondylolisthesis at a disc: the slip of the upper vertebra's posterior-inferior corner relative to the lower vertebra's
/// posterior-superior corner, along the lower endplate; positive = anterolisthesis. Percent is of the lower endplate's AP depth.
/// Meyerding grade: 0 (&lt; 5 %, none), I (&lt; 25 %), II (&lt; 50 %), III (&lt; 75 %), IV (&lt;= 100 %), V (&gt; 100 %, spondyloptosis).
/// </summary>
public sealed record Listhesis(Millimetres Slip, double Percent)
{
    public int MeyerdingGrade => Math.Abs(Percent) switch
    {
        < 5 => 0,
        < 25 => 1,
        < 50 => 2,
        < 75 => 3,
        <= 100 => 4,
        _ => 5,
    };

    public bool Retrolisthesis => Percent <= -5;
}
