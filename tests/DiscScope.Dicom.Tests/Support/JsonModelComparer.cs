using System.Globalization;
using System.Text.Json.Nodes;

namespace DiscScope.Dicom.Tests.Support;

/// <summary>
/// Compares DiscScope's DICOM JSON model with pydicom's: same element set, VRs and values. Normalisations, each justified:
/// - string values compare with leading/trailing spaces and NULs removed (padding is insignificant, PS3.5 6.2; pydicom
///   strips only some of it), and an empty string equals null (PS3.18 F.2.5 writes empty values as null, pydicom as "");
/// - numbers compare as doubles, exactly (both sides parse the same decimal text or the same binary value);
/// - private elements that pydicom types from its private dictionary (DiscScope has none, so they stay UN) are skipped;
/// - PN compares component groups after trimming.
/// </summary>
public static class JsonModelComparer
{
    public static List<string> Compare(JsonObject? ours, JsonObject? theirs, string path = "", bool bigEndian = false)
    {
        var diffs = new List<string>();
        ours ??= []; theirs ??= [];
        foreach (var (key, tv) in theirs)
        {
            if (!ours.TryGetPropertyValue(key, out var ov))
            {
                diffs.Add($"{path}{key}: missing in DiscScope ({tv?["vr"]})");
                continue;
            }
            CompareElement(key, ov!.AsObject(), tv!.AsObject(), path + key, diffs, bigEndian);
        }
        foreach (var (key, _) in ours)
            if (!theirs.ContainsKey(key)) diffs.Add($"{path}{key}: extra in DiscScope");
        return diffs;
    }

    private static bool IsPrivate(string key) => (Convert.ToUInt32(key[..4], 16) & 1) == 1;

    private static void CompareElement(string key, JsonObject o, JsonObject t, string path, List<string> diffs, bool bigEndian)
    {
        var ovr = (string?)o["vr"]; var tvr = (string?)t["vr"];
        if (ovr != tvr)
        {
            if (IsPrivate(key) && ovr == "UN") return; // pydicom's private dictionary gives a VR DiscScope cannot know
            if (IsPrivate(key) && key.EndsWith("0000", StringComparison.Ordinal) && tvr == "UN") return; // private group length: UL per PS3.5 7.2, pydicom has no VR for it
            diffs.Add($"{path}: VR {ovr} vs pydicom {tvr}");
            return;
        }
        if (ovr == "SQ")
        {
            var oi = o["Value"] as JsonArray ?? []; var ti = t["Value"] as JsonArray ?? [];
            if (oi.Count != ti.Count) { diffs.Add($"{path}: {oi.Count} items vs pydicom {ti.Count}"); return; }
            for (var i = 0; i < oi.Count; i++) diffs.AddRange(Compare(oi[i] as JsonObject, ti[i] as JsonObject, $"{path}[{i}].", bigEndian));
            return;
        }
        foreach (var k in new[] { "InlineBinary", "BulkDataURI" })
        {
            var a = (string?)o[k]; var b = (string?)t[k];
            if (a != b && !(k == "InlineBinary" && bigEndian && a is not null && b is not null && SwappedEqual(a, b, ovr!)))
                diffs.Add($"{path}: {k} differs ({Short(a)} vs pydicom {Short(b)})");
        }
        var ov = Values(o["Value"] as JsonArray);
        var tv = Values(t["Value"] as JsonArray);
        if (ov.Count == 0 && tv.Count == 0) return;
        if (!ov.SequenceEqual(tv)) diffs.Add($"{path}: Value [{Short(string.Join('|', ov))}] vs pydicom [{Short(string.Join('|', tv))}]");
    }

    private static List<string> Values(JsonArray? a)
    {
        var r = new List<string>();
        if (a is null) return r;
        foreach (var v in a)
        {
            r.Add(v switch
            {
                null => "",
                JsonObject pn => string.Join("=", new[] { "Alphabetic", "Ideographic", "Phonetic" }.Select(k => ((string?)pn[k] ?? "").Trim())).TrimEnd('='),
                JsonValue j when j.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
                JsonValue j when j.TryGetValue<string>(out var s) => s.Trim(' ', '\0'),
                _ => v.ToJsonString(),
            });
        }
        // A trailing run of empty values equals no values (pydicom drops a value made only of padding).
        while (r.Count > 0 && r[^1].Length == 0 && r.All(x => x.Length == 0)) r.RemoveAt(r.Count - 1);
        return r;
    }

    /// <summary>
    /// Big-endian files: DiscScope holds OW/OL/OF/OD/OV values little endian (the byte order of the JSON model's
    /// InlineBinary, PS3.18 F.2.7), pydicom keeps the file's big-endian bytes; equal when one is the other swapped per word.
    /// </summary>
    private static bool SwappedEqual(string ours, string theirs, string vr)
    {
        // OW pixel data of 32/64-bit samples swaps per sample (as dcmtk does), so wider units are tried for OW too.
        int[] units = vr switch { "OW" => [2, 4, 8], "OL" or "OF" => [4], "OD" or "OV" => [8], _ => [] };
        var a = Convert.FromBase64String(ours);
        foreach (var unit in units)
        {
            var b = Convert.FromBase64String(theirs);
            if (a.Length != b.Length) return false;
            for (var i = 0; i + unit <= b.Length; i += unit) Array.Reverse(b, i, unit);
            if (a.AsSpan().SequenceEqual(b)) return true;
        }
        return false;
    }

    private static string Short(string? s) => s is null ? "null" : s.Length > 60 ? s[..60] + "…" : s;
}
