using System.Globalization;

namespace DiscScope.Domain.Quantities;

/// <summary>An angle in degrees.</summary>
public readonly record struct Degrees(double Value)
{
    public static Degrees FromRadians(double r) => new(r * 180.0 / Math.PI);
    public double Radians => Value * Math.PI / 180.0;
    public override string ToString() => Value.ToString("0.0", CultureInfo.InvariantCulture) + "°";
}
