using System.Globalization;
using System.Text.Json;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Quantities;
using DiscScope.Domain.Reports;

namespace DiscScope.Reporting.Json;

/// <summary>
/// Reads "discscope.report/1" JSON back into a <see cref="StudyReport"/>. Derived fields (review, wedge/crush ratios,
/// Meyerding grade, methods, disclaimer) are recomputed from the model and ignored here. Throws
/// <see cref="ReportingException"/> with the JSON path for anything that does not fit the schema.
/// </summary>
public static class ReportJsonReader
{
    private const string Name = "report.json";

    public static StudyReport Read(Stream input)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(input); }
        catch (JsonException e) { throw new ReportingException(Name, $"not JSON: {e.Message}", e); }
        StudyReport report;
        using (doc) report = Read(doc.RootElement);
        ReportChecks.Validate(report, Name); // what the writer refuses to write is refused on reading too
        return report;
    }

    public static StudyReport Parse(string json)
    {
        using var ms = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(ms);
    }

    private static StudyReport Read(JsonElement root)
    {
        var schema = Str(root, "schema", "$");
        if (schema != StudyReport.SchemaId) throw new ReportingException(Name, $"$.schema is '{schema}', expected '{StudyReport.SchemaId}'");
        var lordosis = Num(root, "lumbar_lordosis_deg", "$");
        return new StudyReport
        {
            Source = ReadSource(Obj(root, "source", "$"), "$.source"),
            SoftwareVersion = Str(root, "software_version", "$") ?? Fail<string>("$.software_version", "missing"),
            Created = DateTimeOffset.Parse(Str(root, "created", "$") ?? Fail<string>("$.created", "missing"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Models = Arr(root, "models", "$").Select((m, i) =>
                new ModelInfo(Str(m, "name", $"$.models[{i}]") ?? Fail<string>($"$.models[{i}].name", "missing"),
                    Str(m, "version", $"$.models[{i}]") ?? Fail<string>($"$.models[{i}].version", "missing"), Str(m, "sha256", $"$.models[{i}]"))).ToList(),
            CannotAssess = Str(root, "cannot_assess", "$"),
            Warnings = Strings(root, "warnings", "$"),
            OverviewImage = Str(root, "overview_image", "$"),
            LumbarLordosis = lordosis is { } d ? new Degrees(d) : null,
            Levels = Arr(root, "levels", "$").Select((l, i) => ReadLevel(l, $"$.levels[{i}]")).ToList(),
            Vertebrae = Arr(root, "vertebrae", "$").Select((v, i) =>
                new VertebraMeasurement(ParseVertebra(Str(v, "level", $"$.vertebrae[{i}]"), $"$.vertebrae[{i}].level"),
                    ReadHeights(Obj(v, "heights_mm", $"$.vertebrae[{i}]"), $"$.vertebrae[{i}].heights_mm"))).ToList(),
        };
    }

    private static StudySource ReadSource(JsonElement s, string p) =>
        new(Str(s, "input", p) ?? "", Str(s, "modality", p) ?? Fail<string>(p + ".modality", "missing"), Str(s, "sequence", p))
        {
            StudyInstanceUid = Str(s, "study_instance_uid", p),
            SeriesInstanceUid = Str(s, "series_instance_uid", p),
            FrameOfReferenceUid = Str(s, "frame_of_reference_uid", p),
            SopInstanceUids = Strings(s, "sop_instance_uids", p),
            PatientId = Str(s, "patient_id", p),
            PatientName = Str(s, "patient_name", p),
            StudyDate = Str(s, "study_date", p),
            RowSpacingMm = Num(s, "row_spacing_mm", p) ?? 0,
            ColumnSpacingMm = Num(s, "column_spacing_mm", p) ?? 0,
        };

    private static LevelReport ReadLevel(JsonElement l, string p)
    {
        var name = Str(l, "level", p) ?? Fail<string>(p + ".level", "missing");
        DiscLevel level;
        try { level = DiscLevel.Parse(name); }
        catch (Exception e) when (e is FormatException or ArgumentException) { throw new ReportingException(Name, $"{p}.level: {e.Message}", e); }
        var grades = new DiscGrades
        {
            Pfirrmann = ReadOrdinal(l, "pfirrmann", "grade", p),
            Modic = ReadOrdinal(l, "modic", "type", p),
            Herniation = ReadBinary(l, Grading.Herniation, p),
            Bulging = ReadBinary(l, Grading.Bulging, p),
            Narrowing = ReadBinary(l, Grading.Narrowing, p),
            Spondylolisthesis = ReadBinary(l, Grading.Spondylolisthesis, p),
            EndplateUpper = ReadBinary(l, Grading.EndplateUpper, p),
            EndplateLower = ReadBinary(l, Grading.EndplateLower, p),
        };
        var heatmaps = new Dictionary<Grading, string>();
        if (l.TryGetProperty("heatmaps", out var h) && h.ValueKind == JsonValueKind.Object)
            foreach (var kv in h.EnumerateObject())
            {
                try { heatmaps[GradingNames.Parse(kv.Name)] = kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : Fail<string>($"{p}.heatmaps.{kv.Name}", "expected a string"); }
                catch (FormatException e) { throw new ReportingException(Name, $"{p}.heatmaps: {e.Message}", e); }
            }
        var m = l.TryGetProperty("measurements", out var me) && me.ValueKind == JsonValueKind.Object ? ReadMeasurements(level, me, p + ".measurements") : null;
        return new LevelReport(level, grades, m, heatmaps) { LevelConfidence = Num(l, "level_confidence", p) ?? 1 };
    }

    private static DiscMeasurement ReadMeasurements(DiscLevel level, JsonElement m, string p)
    {
        Listhesis? listhesis = null;
        if (m.TryGetProperty("listhesis", out var s) && s.ValueKind == JsonValueKind.Object)
            listhesis = new Listhesis(new Millimetres(Num(s, "slip_mm", p + ".listhesis") ?? Fail<double>(p + ".listhesis.slip_mm", "missing")),
                Num(s, "percent", p + ".listhesis") ?? Fail<double>(p + ".listhesis.percent", "missing"));
        return new DiscMeasurement(level, ReadHeights(Obj(m, "heights_mm", p), p + ".heights_mm"), Num(m, "height_index", p),
            new Degrees(Num(m, "wedge_angle_deg", p) ?? Fail<double>(p + ".wedge_angle_deg", "missing")),
            Num(m, "posterior_displacement_mm", p) is { } pd ? new Millimetres(pd) : null,
            Num(m, "signal_intensity_ratio", p),
            Num(m, "canal_ap_mm", p) is { } c ? new Millimetres(c) : null,
            listhesis);
    }

    private static OrdinalGrade? ReadOrdinal(JsonElement l, string name, string valueName, string p)
    {
        if (!l.TryGetProperty(name, out var g) || g.ValueKind == JsonValueKind.Null) return null;
        var q = $"{p}.{name}";
        var v = Num(g, valueName, q) ?? Fail<double>($"{q}.{valueName}", "missing");
        if (v != Math.Floor(v)) Fail<int>($"{q}.{valueName}", "not an integer");
        var probs = Arr(g, "probabilities", q).Select((e, i) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : Fail<double>($"{q}.probabilities[{i}]", "expected a number")).ToList();
        return new OrdinalGrade((int)v, probs, Bool(g, "uncertain", q) ?? false);
    }

    private static BinaryFinding? ReadBinary(JsonElement l, Grading grading, string p)
    {
        var name = GradingNames.Key(grading);
        if (!l.TryGetProperty(name, out var g) || g.ValueKind == JsonValueKind.Null) return null;
        var q = $"{p}.{name}";
        return new BinaryFinding(Bool(g, "present", q) ?? Fail<bool>(q + ".present", "missing"),
            Num(g, "probability", q) ?? Fail<double>(q + ".probability", "missing"), Bool(g, "uncertain", q) ?? false);
    }

    private static VertebralHeights ReadHeights(JsonElement h, string p) =>
        new(new Millimetres(Num(h, "anterior", p) ?? Fail<double>(p + ".anterior", "missing")),
            new Millimetres(Num(h, "middle", p) ?? Fail<double>(p + ".middle", "missing")),
            new Millimetres(Num(h, "posterior", p) ?? Fail<double>(p + ".posterior", "missing")));

    private static VertebraLevel ParseVertebra(string? s, string p)
    {
        try { return VertebraLevels.Parse(s ?? ""); }
        catch (FormatException e) { throw new ReportingException(Name, $"{p}: {e.Message}", e); }
    }

    private static List<string> Strings(JsonElement o, string name, string p) =>
        Arr(o, name, p).Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : Fail<string>($"{p}.{name}[{i}]", "expected a string")).ToList();

    private static string? Str(JsonElement o, string name, string p) =>
        !o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind == JsonValueKind.String ? e.GetString() : Fail<string>($"{p}.{name}", $"expected a string, found {e.ValueKind}");

    /// <summary>Largest magnitude of any number in a report: no spine quantity comes near it, and beyond it a value is corrupt (and
    /// would overflow formats such as FHIR's decimals).</summary>
    public const double MaxMagnitude = 1e6;

    private static double? Num(JsonElement o, string name, string p) =>
        !o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind != JsonValueKind.Number ? Fail<double>($"{p}.{name}", $"expected a number, found {e.ValueKind}")
        : e.TryGetDouble(out var x) && Math.Abs(x) <= MaxMagnitude ? x
        : Fail<double>($"{p}.{name}", $"{e.GetRawText()} is not a plausible value (beyond ±{MaxMagnitude:0e0})");

    private static bool? Bool(JsonElement o, string name, string p) =>
        !o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null ? null
        : e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : Fail<bool>($"{p}.{name}", $"expected a boolean, found {e.ValueKind}");

    private static JsonElement Obj(JsonElement o, string name, string p) =>
        o.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object ? e : Fail<JsonElement>($"{p}.{name}", "expected an object");

    private static IEnumerable<JsonElement> Arr(JsonElement o, string name, string p) =>
        !o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null ? []
        : e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : Fail<IEnumerable<JsonElement>>($"{p}.{name}", "expected an array");

    private static T Fail<T>(string path, string reason) => throw new ReportingException(Name, $"{path}: {reason}");
}
