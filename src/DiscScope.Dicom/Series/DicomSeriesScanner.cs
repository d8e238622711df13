using System.IO.Compression;

namespace DiscScope.Dicom;

/// <summary>
/// Finds DICOM images in a file, a folder (recursively) or a ZIP archive and groups them by Study and Series Instance UID.
/// Files that are not DICOM, or hold no pixel data (SR, DICOMDIR, presentation states), are skipped.
/// </summary>
public static class DicomSeriesScanner
{
    /// <summary>Largest ZIP entry read (bytes); bigger entries are skipped as implausible for one DICOM image.</summary>
    public const long MaxZipEntryBytes = 2L << 30;

    public static IReadOnlyList<DicomSeries> Scan(string path)
    {
        var files = new List<DicomFile>();
        if (Directory.Exists(path))
        {
            foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) files.AddRange(ReadZip(f));
                else if (TryRead(f) is { } d) files.Add(d);
            }
        }
        else if (File.Exists(path) && IsZip(path)) files.AddRange(ReadZip(path));
        else if (File.Exists(path)) files.Add(DicomFile.Read(path));
        else throw new DicomException(path, "no such file or folder");
        return Group(files);
    }

    public static IReadOnlyList<DicomSeries> Group(IEnumerable<DicomFile> files) =>
        files.Where(f => f.Dataset.Contains(DicomTag.PixelData) || f.Dataset.Contains(DicomTag.FloatPixelData) || f.Dataset.Contains(DicomTag.DoubleFloatPixelData))
            .GroupBy(f => (Study: f.Dataset.GetString(DicomTag.StudyInstanceUID) ?? "", Series: f.Dataset.GetString(DicomTag.SeriesInstanceUID) ?? ""))
            .Select(g => new DicomSeries(g.Key.Study, g.Key.Series, g.ToList()))
            .OrderByDescending(s => s.FrameCount).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal).ToList();

    private static DicomFile? TryRead(string path)
    {
        try { return DicomFile.Read(path); }
        catch (DicomException) { return null; }
    }

    private static bool IsZip(string path)
    {
        Span<byte> h = stackalloc byte[4];
        using var fs = File.OpenRead(path);
        return fs.ReadAtLeast(h, 4, false) == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    private static IEnumerable<DicomFile> ReadZip(string zipPath)
    {
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(zipPath); }
        catch (InvalidDataException e) { throw new DicomException(zipPath, "not a readable ZIP archive: " + e.Message, null, e); }
        using (zip)
        {
            var list = new List<DicomFile>();
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.Length is 0 or > MaxZipEntryBytes) continue;
                // Deflate cannot expand more than 1032:1; an entry claiming more is corrupt or hostile and is not allocated.
                if (entry.Length > entry.CompressedLength * 1032 + 65536) throw new DicomException(zipPath + "!" + entry.FullName, $"ZIP entry claims {entry.Length} bytes from {entry.CompressedLength} compressed");
                var name = zipPath + "!" + entry.FullName;
                byte[] bytes;
                try
                {
                    using var s = entry.Open();
                    bytes = new byte[entry.Length];
                    s.ReadExactly(bytes);
                }
                catch (InvalidDataException e) { throw new DicomException(name, "corrupt ZIP entry: " + e.Message, null, e); }
                if (!DicomParser.Plausible(bytes.AsSpan(0, Math.Min(132, bytes.Length)))) continue;
                try { list.Add(DicomFile.Read(bytes, name)); }
                catch (DicomException) { /* not DICOM after all: skipped like other non-DICOM files */ }
            }
            return list;
        }
    }
}
