namespace DiscScope.Dicom.Tests.Support;

/// <summary>
/// Structural equality of two data sets for round-trip tests: same tags, VRs, value bytes, items and fragments.
/// Group length elements are skipped (the writer drops them: retired, PS3.5 7.2) and one trailing pad byte of an
/// odd-length source value is allowed (the writer pads to even length, PS3.5 7.1.1); a value too long for a 16-bit
/// length may come back as UN (the only VR able to hold it).
/// </summary>
public static class DatasetComparer
{
    public static List<string> Compare(DicomDataset a, DicomDataset b, string path = "")
    {
        var diffs = new List<string>();
        var ea = a.Where(e => !e.Tag.IsGroupLength && !(a.Parent is null && e.Tag.Group == 2)).ToList();
        var eb = b.Where(e => !e.Tag.IsGroupLength && !(b.Parent is null && e.Tag.Group == 2)).ToList();
        var tb = eb.ToDictionary(e => e.Tag);
        foreach (var x in ea)
        {
            var p = path + x.Tag;
            if (!tb.TryGetValue(x.Tag, out var y)) { diffs.Add($"{p}: missing after round trip"); continue; }
            if (x.VR != y.VR && !(y.VR == DicomVR.UN && x.Value.Length > 0xFFFF)) diffs.Add($"{p}: VR {x.VR} -> {y.VR}");
            if (x.Items is not null)
            {
                if (y.Items is null || y.Items.Count != x.Items.Count) { diffs.Add($"{p}: items {x.Items.Count} -> {y.Items?.Count}"); continue; }
                for (var i = 0; i < x.Items.Count; i++) diffs.AddRange(Compare(x.Items[i], y.Items[i], $"{p}[{i}]"));
                continue;
            }
            if (x.Fragments is { } fx)
            {
                var fy = y.Fragments;
                if (fy is null || fy.Fragments.Count != fx.Fragments.Count) { diffs.Add($"{p}: fragments differ"); continue; }
                if (!SameOrPadded(fx.BasicOffsetTable.Span, fy.BasicOffsetTable.Span)) diffs.Add($"{p}: offset table differs");
                for (var i = 0; i < fx.Fragments.Count; i++)
                    if (!SameOrPadded(fx.Fragments[i].Span, fy.Fragments[i].Span)) diffs.Add($"{p}: fragment {i} differs");
                continue;
            }
            if (!SameOrPadded(x.Value.Span, y.Value.Span)) diffs.Add($"{p}: value differs ({x.Value.Length} -> {y.Value.Length} bytes)");
        }
        foreach (var y in eb) if (!ea.Any(x => x.Tag == y.Tag)) diffs.Add($"{path}{y.Tag}: extra after round trip");
        return diffs;
    }

    private static bool SameOrPadded(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) =>
        x.SequenceEqual(y) || ((x.Length & 1) == 1 && y.Length == x.Length + 1 && y[..x.Length].SequenceEqual(x) && y[^1] is 0 or (byte)' ');
}
