using System.Globalization;
using System.Text.Json;

namespace DiscScope.Dicom;

/// <summary>
/// Writes the DICOM JSON Model (PS3.18 annex F.2): one object per data set keyed by "GGGGEEEE", each with "vr" and
/// "Value" (strings, numbers, PN objects, items), "InlineBinary" (base64) or "BulkDataURI". Empty values have no key.
/// </summary>
public static class DicomJsonWriter
{
    public static string Serialize(DicomFile file, DicomJsonOptions? options = null)
    {
        options ??= DicomJsonOptions.Default;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = options.Indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (options.IncludeMeta) WriteElements(w, file.Meta, options);
            WriteElements(w, file.Dataset, options);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void WriteDataset(Utf8JsonWriter w, DicomDataset ds, DicomJsonOptions options)
    {
        w.WriteStartObject();
        WriteElements(w, ds, options);
        w.WriteEndObject();
    }

    private static void WriteElements(Utf8JsonWriter w, DicomDataset ds, DicomJsonOptions o)
    {
        foreach (var e in ds)
        {
            if (ds.Parent is null && e.Tag.Group == 0x0002 && !o.IncludeMeta) continue;
            w.WritePropertyName(e.Tag.ToJsonKey());
            WriteElement(w, e, ds, o);
        }
    }

    private static void WriteElement(Utf8JsonWriter w, DicomElement e, DicomDataset ds, DicomJsonOptions o)
    {
        w.WriteStartObject();
        w.WriteString("vr", e.VR.ToString());
        if (e.Items is not null)
        {
            w.WriteStartArray("Value");
            foreach (var item in e.Items) WriteDataset(w, item, o);
            w.WriteEndArray();
        }
        else if (DicomVRs.IsBinary(e.VR))
        {
            var length = e.Fragments?.EncodedLength ?? e.Value.Length;
            if (length > 0)
            {
                if (length >= o.BulkDataThreshold) w.WriteString("BulkDataURI", "bulk:" + e.Tag.ToJsonKey());
                else w.WriteBase64String("InlineBinary", e.Fragments is { } f ? f.ToItemBytes() : e.Value.Span);
            }
        }
        else if (!e.Value.IsEmpty)
        {
            WriteValues(w, e, ds);
        }
        w.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter w, DicomElement e, DicomDataset ds)
    {
        var vr = e.VR;
        if (DicomVRs.IsString(vr))
        {
            var s = DicomValues.Strings(e, ds.Charset);
            if (s.All(x => x.Length == 0 || x.Trim(' ', '\0').Length == 0)) return; // only padding: empty value
            w.WriteStartArray("Value");
            foreach (var v in s)
            {
                if (vr == DicomVR.PN) WritePersonName(w, v);
                else if (v.Trim(' ', '\0').Length == 0) w.WriteNullValue();
                else if (vr == DicomVR.IS && long.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) w.WriteNumberValue(l);
                else if (vr is DicomVR.IS or DicomVR.DS && DicomValues.ParseDecimal(v) is var d && double.IsFinite(d)) w.WriteNumberValue(d);
                else w.WriteStringValue(v);
            }
            w.WriteEndArray();
            return;
        }
        if (vr == DicomVR.AT)
        {
            w.WriteStartArray("Value");
            foreach (var t in DicomValues.Tags(e)) w.WriteStringValue(t.ToJsonKey());
            w.WriteEndArray();
            return;
        }
        var span = e.Value.Span;
        w.WriteStartArray("Value");
        switch (vr)
        {
            case DicomVR.SV: for (var i = 0; i + 8 <= span.Length; i += 8) w.WriteNumberValue(BitConverter.ToInt64(span[i..])); break;
            case DicomVR.UV: for (var i = 0; i + 8 <= span.Length; i += 8) w.WriteNumberValue(BitConverter.ToUInt64(span[i..])); break;
            default:
                foreach (var d in DicomValues.Numbers(e))
                {
                    if (double.IsFinite(d)) w.WriteNumberValue(d); else w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                }
                break;
        }
        w.WriteEndArray();
    }

    private static void WritePersonName(Utf8JsonWriter w, string v)
    {
        var groups = v.Split('=');
        w.WriteStartObject();
        w.WriteString("Alphabetic", groups[0]);
        if (groups.Length > 1) w.WriteString("Ideographic", groups[1]);
        if (groups.Length > 2) w.WriteString("Phonetic", groups[2]);
        w.WriteEndObject();
    }
}
