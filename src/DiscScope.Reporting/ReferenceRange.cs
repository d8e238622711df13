namespace DiscScope.Reporting;

/// <summary>An indicative adult range for a measurement (inclusive bounds; null = open), with the unit and where it comes from.</summary>
public sealed record ReferenceRange(string Measurement, double? Low, double? High, string Unit, string Source)
{
    public bool Contains(double v) => (Low is null || v >= Low) && (High is null || v <= High);

    public string Text => (Low, High) switch
    {
        ({ } l, { } h) => FormattableString.Invariant($"{l:0.##}–{h:0.##} {Unit}"),
        ({ } l, null) => FormattableString.Invariant($"≥ {l:0.##} {Unit}"),
        (null, { } h) => FormattableString.Invariant($"≤ {h:0.##} {Unit}"),
        _ => "",
    };
}
