using System.Globalization;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>Group names of scanner metadata (DICOM Manufacturer, MagneticFieldStrength) for subgroup figures: one name per vendor and
/// field strength, however the header spells it.</summary>
public static class ScannerGroups
{
    /// <summary>The vendor of a DICOM Manufacturer value ("Philips Healthcare" and "Philips Medical Systems" -> Philips, "SIEMENS" ->
    /// Siemens, "GE MEDICAL SYSTEMS" -> GE, anything else as written); null where blank.</summary>
    public static string? Vendor(string? manufacturer)
    {
        if (string.IsNullOrWhiteSpace(manufacturer)) return null;
        var m = manufacturer.Trim();
        if (m.Contains("philips", StringComparison.OrdinalIgnoreCase)) return "Philips";
        if (m.Contains("siemens", StringComparison.OrdinalIgnoreCase)) return "Siemens";
        if (m.StartsWith("GE ", StringComparison.OrdinalIgnoreCase) || m.Contains("general electric", StringComparison.OrdinalIgnoreCase)) return "GE";
        if (m.Contains("canon", StringComparison.OrdinalIgnoreCase) || m.Contains("toshiba", StringComparison.OrdinalIgnoreCase)) return "Canon/Toshiba";
        return m;
    }

    /// <summary>"1.5 T", "3 T", ... (rounded to 0.1 T); null where unknown.</summary>
    public static string? FieldStrength(double? tesla) =>
        tesla is double t && t > 0 ? Math.Round(t, 1).ToString("0.#", CultureInfo.InvariantCulture) + " T" : null;
}
