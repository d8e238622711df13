using System.Text.Json;
using DiscScope.Domain.Measurements;
using DiscScope.Domain.Reports;

namespace DiscScope.Reporting.Json;

/// <summary>
/// Writes a <see cref="StudyReport"/> as "discscope.report/1" JSON (snake_case; schema in docs/schemas/discscope.report.schema.json).
/// Lengths in mm, angles in degrees, probabilities 0..1; absent values are written as null. <see cref="ReportChecks"/> runs first.
/// </summary>
public static class ReportJsonWriter
{
    public static void Write(StudyReport r, Stream output)
    {
        ReportChecks.Validate(r, "report.json");
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", StudyReport.SchemaId);
        w.WriteString("software_version", r.SoftwareVersion);
        w.WriteString("created", r.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("disclaimer", StudyReport.Disclaimer);
        WriteSource(w, r.Source);
        w.WriteStartArray("models");
        foreach (var m in r.Models)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("version", m.Version);
            w.WriteString("sha256", m.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("cannot_assess", r.CannotAssess);
        w.WriteStartArray("warnings");
        foreach (var s in r.Warnings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteString("overview_image", r.OverviewImage);
        Number(w, "lumbar_lordosis_deg", r.LumbarLordosis?.Value);
        WriteMethods(w);
        w.WriteStartArray("levels");
        foreach (var l in r.Levels) WriteLevel(w, l);
        w.WriteEndArray();
        w.WriteStartArray("vertebrae");
        foreach (var v in r.Vertebrae)
        {
            w.WriteStartObject();
            w.WriteString("level", v.Level.ToString());
            Heights(w, "heights_mm", v.Heights);
            w.WriteNumber("wedge_ratio", v.WedgeRatio);
            w.WriteNumber("crush_ratio", v.CrushRatio);
            w.WriteBoolean("deformity", v.DeformityFlag);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToJson(StudyReport r)
    {
        using var ms = new MemoryStream();
        Write(r, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteSource(Utf8JsonWriter w, StudySource s)
    {
        w.WriteStartObject("source");
        w.WriteString("input", s.Input);
        w.WriteString("modality", s.Modality);
        w.WriteString("sequence", s.Sequence);
        w.WriteString("study_instance_uid", s.StudyInstanceUid);
        w.WriteString("series_instance_uid", s.SeriesInstanceUid);
        w.WriteString("frame_of_reference_uid", s.FrameOfReferenceUid);
        w.WriteStartArray("sop_instance_uids");
        foreach (var u in s.SopInstanceUids) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteString("patient_id", s.PatientId);
        w.WriteString("patient_name", s.PatientName);
        w.WriteString("study_date", s.StudyDate);
        w.WriteNumber("row_spacing_mm", s.RowSpacingMm);
        w.WriteNumber("column_spacing_mm", s.ColumnSpacingMm);
        w.WriteEndObject();
    }

    private static void WriteMethods(Utf8JsonWriter w)
    {
        w.WriteStartObject("measurement_methods");
        w.WriteString("disc_height", MeasurementMethods.DiscHeight);
        w.WriteString("disc_height_index", MeasurementMethods.DiscHeightIndex);
        w.WriteString("wedge_angle", MeasurementMethods.WedgeAngle);
        w.WriteString("posterior_displacement", MeasurementMethods.PosteriorDisplacement);
        w.WriteString("signal_intensity_ratio", MeasurementMethods.SignalIntensityRatio);
        w.WriteString("canal_ap_diameter", MeasurementMethods.CanalApDiameter);
        w.WriteString("vertebral_heights", MeasurementMethods.VertebralHeights);
        w.WriteString("listhesis", MeasurementMethods.Listhesis);
        w.WriteString("lordosis", MeasurementMethods.Lordosis);
        w.WriteEndObject();
    }

    private static void WriteLevel(Utf8JsonWriter w, LevelReport l)
    {
        w.WriteStartObject();
        w.WriteString("level", l.Level.ToString());
        w.WriteNumber("level_confidence", l.LevelConfidence);
        w.WriteBoolean("review", GradingNames.NeedsReview(l));
        Ordinal(w, "pfirrmann", "grade", l.Grades.Pfirrmann);
        Ordinal(w, "modic", "type", l.Grades.Modic);
        foreach (var g in GradingNames.Binary)
        {
            var f = GradingNames.Finding(l.Grades, g);
            if (f is null) { w.WriteNull(GradingNames.Key(g)); continue; }
            w.WriteStartObject(GradingNames.Key(g));
            w.WriteBoolean("present", f.Present);
            w.WriteNumber("probability", f.Probability);
            w.WriteBoolean("uncertain", f.Uncertain);
            w.WriteEndObject();
        }
        if (l.Measurements is { } m) WriteMeasurements(w, m); else w.WriteNull("measurements");
        w.WriteStartObject("heatmaps");
        foreach (var (g, path) in l.Heatmaps.OrderBy(kv => kv.Key)) w.WriteString(GradingNames.Key(g), path);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Ordinal(Utf8JsonWriter w, string name, string valueName, OrdinalGrade? g)
    {
        if (g is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        w.WriteNumber(valueName, g.Value);
        w.WriteStartArray("probabilities");
        foreach (var p in g.Probabilities) w.WriteNumberValue(p);
        w.WriteEndArray();
        w.WriteBoolean("uncertain", g.Uncertain);
        w.WriteEndObject();
    }

    private static void WriteMeasurements(Utf8JsonWriter w, DiscMeasurement m)
    {
        w.WriteStartObject("measurements");
        Heights(w, "heights_mm", m.Heights);
        Number(w, "height_index", m.HeightIndex);
        w.WriteNumber("wedge_angle_deg", m.WedgeAngle.Value);
        Number(w, "posterior_displacement_mm", m.PosteriorDisplacement?.Value);
        Number(w, "signal_intensity_ratio", m.SignalIntensityRatio);
        Number(w, "canal_ap_mm", m.CanalApDiameter?.Value);
        if (m.Listhesis is { } s)
        {
            w.WriteStartObject("listhesis");
            w.WriteNumber("slip_mm", s.Slip.Value);
            w.WriteNumber("percent", s.Percent);
            w.WriteNumber("meyerding_grade", s.MeyerdingGrade);
            w.WriteEndObject();
        }
        else w.WriteNull("listhesis");
        w.WriteEndObject();
    }

    private static void Heights(Utf8JsonWriter w, string name, VertebralHeights h)
    {
        w.WriteStartObject(name);
        w.WriteNumber("anterior", h.Anterior.Value);
        w.WriteNumber("middle", h.Middle.Value);
        w.WriteNumber("posterior", h.Posterior.Value);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } d)
        {
            if (!double.IsFinite(d)) throw new ReportingException("report.json", $"{name} is not a finite number ({d})");
            w.WriteNumber(name, d);
        }
        else w.WriteNull(name);
    }
}
