using System.Globalization;
using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// Readers of the SPIDER derivatives in the shared data folder (van der Graaf et al., Sci Data 2024, CC BY 4.0):
/// spider/space_slices (T2-SPACE slices with masks 29 disc, 76 vertebra, 150 canal), spider/midsag (mid-sagittal slices, no masks),
/// overview.csv (per series: num_discs, num_vertebrae, PixelSpacing) and gradings.csv (per disc: Patient, IVD label).
/// </summary>
public static class SpiderData
{
    /// <summary>One row of overview.csv: series name (e.g. "12_t2"), counts and pixel spacing (row, column mm); the DICOM echo and
    /// repetition times (ms), the patient's sex, the scanner's manufacturer and model and the field strength (T) where the row has them.</summary>
    public sealed record Series(string Name, string Patient, string Sequence, int NumDiscs, int NumVertebrae, double RowSpacing, double ColumnSpacing)
    {
        public double? EchoTimeMs { get; init; }
        public double? RepetitionTimeMs { get; init; }
        /// <summary>"F" or "M" (trimmed; SPIDER pads some with a space); null where blank.</summary>
        public string? Sex { get; init; }
        /// <summary>DICOM Manufacturer as written (e.g. "SIEMENS", "Philips Healthcare"); null where blank.</summary>
        public string? Manufacturer { get; init; }
        /// <summary>DICOM ManufacturerModelName (e.g. "Ingenia"); null where blank.</summary>
        public string? ScannerModel { get; init; }
        /// <summary>DICOM MagneticFieldStrength in tesla.</summary>
        public double? FieldStrengthT { get; init; }
    }

    public static IReadOnlyDictionary<string, Series> Overview(string dataRoot)
    {
        var path = Path.Combine(dataRoot, "spider", "overview.csv");
        var lines = File.ReadAllLines(path);
        var header = SplitCsv(lines[0]);
        int Col(string n) => Array.IndexOf(header, n) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column {n}");
        int name = Col("new_file_name"), nd = Col("num_discs"), nv = Col("num_vertebrae"), ps = Col("PixelSpacing");
        int te = Array.IndexOf(header, "EchoTime"), tr = Array.IndexOf(header, "RepetitionTime");
        int sex = Array.IndexOf(header, "sex"), man = Array.IndexOf(header, "Manufacturer"), model = Array.IndexOf(header, "ManufacturerModelName"),
            field = Array.IndexOf(header, "MagneticFieldStrength");
        static string? Text(string[] f, int i) => i >= 0 && i < f.Length && f[i].Trim() is { Length: > 0 } t ? t : null;
        static double? Number(string[] f, int i) =>
            i >= 0 && i < f.Length && double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : null;
        var result = new Dictionary<string, Series>();
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = SplitCsv(line);
            var sp = f[ps].Trim('[', ']', ' ').Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var n = f[name];
            var us = n.IndexOf('_');
            result[n] = new Series(n, n[..us], n[(us + 1)..], int.Parse(f[nd], CultureInfo.InvariantCulture), int.Parse(f[nv], CultureInfo.InvariantCulture), sp[0], sp[1])
            {
                EchoTimeMs = Number(f, te), RepetitionTimeMs = Number(f, tr),
                Sex = Text(f, sex), Manufacturer = Text(f, man), ScannerModel = Text(f, model), FieldStrengthT = Number(f, field),
            };
        }
        return result;
    }

    /// <summary>The IVD labels graded per patient (gradings.csv read by <see cref="DiscGrading.SpiderGradings"/>; label 0 rows are skipped there).</summary>
    public static IReadOnlyDictionary<string, SortedSet<int>> GradedDiscs(string dataRoot) =>
        DiscGrading.SpiderGradings.Read(Path.Combine(dataRoot, "spider", "gradings.csv"))
            .GroupBy(g => g.Patient).ToDictionary(p => p.Key, p => new SortedSet<int>(p.Select(g => g.IvdLabel)));

    /// <summary>The T2-SPACE slices with 3-class masks (155 in the shared folder). Patient = SPIDER patient id.</summary>
    public static IReadOnlyList<LabelledSlice> SpaceSlices(string dataRoot)
    {
        var overview = Overview(dataRoot);
        var dir = Path.Combine(dataRoot, "spider", "space_slices");
        var result = new List<LabelledSlice>();
        foreach (var img in Directory.GetFiles(Path.Combine(dir, "images"), "*.png").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(img);
            var series = name[..name.LastIndexOf("_slice", StringComparison.Ordinal)];
            var s = overview.TryGetValue(series, out var o) ? o : throw new InvalidDataException($"{series}: not in overview.csv");
            var (px, w, h) = PngSlice.Read(img);
            var (mk, mw, mh) = PngSlice.Read(Path.Combine(dir, "masks", name + ".png"));
            if (mw != w || mh != h) throw new InvalidDataException($"{name}: mask {mw}x{mh} vs image {w}x{h}");
            var cls = new byte[mk.Length];
            for (var i = 0; i < mk.Length; i++)
                cls[i] = mk[i] switch
                {
                    0 => (byte)Structure.Background, 76 => (byte)Structure.Vertebra, 29 => (byte)Structure.Disc, 150 => (byte)Structure.Canal,
                    _ => throw new InvalidDataException($"{name}: mask value {mk[i]} is not 0/29/76/150"),
                };
            result.Add(new LabelledSlice("spider", s.Patient, name, [.. px.Select(b => (float)b)], cls, w, h, s.ColumnSpacing, s.RowSpacing));
        }
        return result;
    }

    /// <summary>The mid-sagittal slices (image only) with their series row from overview.csv.</summary>
    public static IEnumerable<(Series Series, float[] Image, int Width, int Height)> MidSagittal(string dataRoot)
    {
        var overview = Overview(dataRoot);
        foreach (var img in Directory.GetFiles(Path.Combine(dataRoot, "spider", "midsag"), "*.png").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(img);
            if (!overview.TryGetValue(name, out var s)) continue;
            var (px, w, h) = PngSlice.Read(img);
            yield return (s, [.. px.Select(b => (float)b)], w, h);
        }
    }

    private static string[] SplitCsv(string line)
    {
        var result = new List<string>(); var cur = new System.Text.StringBuilder(); var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { result.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        result.Add(cur.ToString());
        return [.. result];
    }
}
