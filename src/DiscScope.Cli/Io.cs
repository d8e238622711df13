using System.Globalization;
using DiscScope.Dicom;
using DiscScope.Imaging;
using DiscScope.Imaging.Formats;

namespace DiscScope.Cli;

/// <summary>The CLI's image reading: one registry of formats, and parsing of the --pixel-spacing option.</summary>
public static class Io
{
    /// <summary>DICOM (files, ZIPs, folders) composed here so that DefaultFormats stays free of the DICOM layer.</summary>
    public static DicomVolumeFormat Dicom { get; } = new() { Warn = w => Console.Error.WriteLine($"discscope: warning: {w}") };

    public static FormatRegistry Registry { get; } = DefaultFormats.Create().Add(Dicom);

    public static IVolume Read(string path, string? pixelSpacing)
    {
        if (Directory.Exists(path)) return Dicom.ReadFolder(path);
        if (!File.Exists(path)) throw new InputException($"{path}: no such file or folder");
        return Registry.Read(path, new ReadOptions { PixelSpacing = ParseSpacing(pixelSpacing) });
    }

    /// <summary>Parses "ROW,COL" in mm; null when absent.</summary>
    public static (double, double)? ParseSpacing(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var p = s.Split(',', StringSplitOptions.TrimEntries);
        if (p.Length == 2 && double.TryParse(p[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) &&
            double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && r > 0 && c > 0 && double.IsFinite(r) && double.IsFinite(c))
            return (r, c);
        throw new InputException($"--pixel-spacing must be ROW,COL in mm (two positive numbers), got '{s}'");
    }
}
