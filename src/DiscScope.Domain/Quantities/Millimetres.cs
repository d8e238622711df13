using System.Globalization;

namespace DiscScope.Domain.Quantities;

/// <summary>A length in millimetres.</summary>
public readonly record struct Millimetres(double Value) : IComparable<Millimetres>
{
    public int CompareTo(Millimetres other) => Value.CompareTo(other.Value);
    public static Millimetres operator +(Millimetres a, Millimetres b) => new(a.Value + b.Value);
    public static Millimetres operator -(Millimetres a, Millimetres b) => new(a.Value - b.Value);
    public static double operator /(Millimetres a, Millimetres b) => a.Value / b.Value;
    public override string ToString() => Value.ToString("0.0", CultureInfo.InvariantCulture) + " mm";
}
