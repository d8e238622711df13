namespace DiscScope.Reporting;

/// <summary>One measurement row of a level in the human-readable reports: label, value text, whether it lies outside its reference range, the range, and the method.</summary>
public sealed record MeasurementRow(string Name, string Value, bool OutOfRange, ReferenceRange? Range, string Method);
