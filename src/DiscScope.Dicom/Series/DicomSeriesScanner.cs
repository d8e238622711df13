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

    /// <summary>Most bytes of DICOM read from one ZIP archive (all entries together); a bigger archive is refused, to be unpacked instead.</summary>
    public const long MaxZipTotalBytes = 6L << 30;

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
            long total = 0;
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
                    // The first 132 bytes say whether the entry can be DICOM; only then is the whole entry allocated and read.
                    var head = new byte[(int)Math.Min(132, entry.Length)];
                    s.ReadExactly(head);
                    if (!DicomParser.Plausible(head)) continue;
                    if ((total += entry.Length) > MaxZipTotalBytes)
                        throw new DicomException(zipPath, $"ZIP archive holds more than {MaxZipTotalBytes >> 30} GiB of DICOM; unpack it and pass the folder");
                    bytes = new byte[entry.Length];
                    head.CopyTo(bytes, 0);
                    s.ReadExactly(bytes.AsSpan(head.Length));
                }
                catch (InvalidDataException e) { throw new DicomException(name, "corrupt ZIP entry: " + e.Message, null, e); }
                try { list.Add(DicomFile.Read(bytes, name)); }
                catch (DicomException) { /* not DICOM after all: skipped like other non-DICOM files */ }
            }
            return list;
        }
    }
}
